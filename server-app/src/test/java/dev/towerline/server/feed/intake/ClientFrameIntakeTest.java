package dev.towerline.server.feed.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Pong;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.server.feed.intake.ClientFrameIntake.Reply;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.testkit.ContractValidator;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClientFrameIntakeTest {
  private static final ContractValidator CONTRACT = ContractValidator.forBundledContract();
  private final ClientFrameIntake intake = new ClientFrameIntake(ProtocolJson.strictMapper(), Clock.systemUTC());

  @Test
  void answersPingWithPongEchoingTheNonce() throws Exception {
    Reply reply = intake.read("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"n-7\"}");

    assertThat(reply).isInstanceOfSatisfying(Reply.Answer.class, answer -> {
      assertThat(answer.frame()).isInstanceOfSatisfying(Pong.class, pong -> assertThat(pong.getNonce()).isEqualTo("n-7"));
      assertValidFrame(answer);
    });
  }

  @Test
  void refusesAPingWhoseNonceNoValidPongCouldEcho() {
    String longNonce = "n".repeat(65);
    Reply tooLong = intake.read("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"" + longNonce + "\"}");
    Reply notUnicode = intake.read("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"nonce\":\"\\ud800\"}");

    assertThat(tooLong).isInstanceOfSatisfying(Reply.Answer.class, answer -> {
      assertErrorCode(answer.frame(), ErrorCode.INVALID_FRAME);
      assertThat(((ErrorFrame) answer.frame()).getError().getDetails()).containsEntry("reason", "field nonce must be at most 64 characters");
      assertValidFrame(answer);
    });
    assertThat(notUnicode).isInstanceOfSatisfying(Reply.Answer.class, answer -> {
      assertErrorCode(answer.frame(), ErrorCode.INVALID_FRAME);
      assertThat(((ErrorFrame) answer.frame()).getError().getDetails()).containsEntry("reason", "field nonce is not valid Unicode text");
    });
  }

  @Test
  void takesPongAsASignOfLife() {
    assertThat(intake.read("{\"type\":\"pong\",\"nonce\":\"hb-1\"}")).isInstanceOf(Reply.Alive.class);
  }

  @Test
  void answersGarbageWithAnInvalidFrameErrorThenClosesWith1008AfterRepeatedAbuse() {
    Reply first = intake.read("hello?");
    Reply second = intake.read("{\"type\":\"device.updated\"}");
    Reply third = intake.read("[]");

    assertThat(first).isInstanceOfSatisfying(Reply.Answer.class, a -> assertErrorCode(a.frame(), ErrorCode.INVALID_FRAME));
    assertThat(second).isInstanceOfSatisfying(Reply.Answer.class, a -> assertErrorCode(a.frame(), ErrorCode.INVALID_FRAME));
    assertThat(third).isInstanceOfSatisfying(Reply.AnswerAndClose.class, close -> {
      assertErrorCode(close.frame(), ErrorCode.INVALID_FRAME);
      assertThat(close.closeCode()).isEqualTo(1008);
    });
  }

  @Test
  void refusesOversizedFramesUnread() {
    Reply reply = intake.read("{\"type\":\"ping\",\"nonce\":\"" + "x".repeat(5_000) + "\"}");

    assertThat(reply).isInstanceOfSatisfying(Reply.Answer.class, a -> assertErrorCode(a.frame(), ErrorCode.FRAME_TOO_LARGE));
  }

  @Test
  void namesAnUnknownTypeAndTheTypesAClientMaySendFromTheContract() {
    assertThat(reasonFor("{\"type\":\"subscribe\"}"))
        .isEqualTo("unknown frame type 'subscribe'; a client may send: " + clientTypesInTheContract());
  }

  @Test
  void explainsEveryInvalidFrameInTheContractsWordsNeverTheParsers() {
    String mayFrame = "a client may send: " + clientTypesInTheContract();
    assertThat(reasonFor("{\"nonce\":\"x\"}")).isEqualTo("frame has no 'type'; " + mayFrame);
    assertThat(reasonFor("{\"type\":\"ping\",\n\"ts\": }")).isEqualTo("malformed JSON at line 2, column 7");
    assertThat(reasonFor("not json")).startsWith("malformed JSON at line 1, column ");
    assertThat(reasonFor("[]")).isEqualTo("a frame is a JSON object with a 'type'; " + mayFrame);
    assertThat(reasonFor("{\"type\":\"ping\",\"ts\":\"yesterday\"}")).isEqualTo("field 'ts' has a value of the wrong type or format");
    assertThat(reasonFor("{\"type\":\"ping\",\"ts\":\"2026-11-22T10:00:00Z\",\"color\":1}")).isEqualTo("unknown field 'color'");
    assertThat(reasonFor("{\"type\":\"connection_ack\"}")).isEqualTo("frame type 'connection_ack' is sent by the server only; " + mayFrame);
    // The server's mapper skips unknown fields, so the parser reads into the nesting.
    assertThat(reasonFor(JsonMappers.create(), "{\"type\":\"ping\",\"extra\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}"))
        .isEqualTo("frame exceeds a JSON limit (nesting depth, number or text length)");
    assertThat(reasonFor("{\"type\":\"" + "s".repeat(100) + "\\u0000\"}"))
        .isEqualTo("unknown frame type '" + "s".repeat(40) + "…'; " + mayFrame);
  }

  /** The reason of the error frame answering {@code text}, checked for internals. */
  private String reasonFor(String text) {
    return reasonFor(ProtocolJson.strictMapper(), text);
  }

  private String reasonFor(com.fasterxml.jackson.databind.ObjectMapper json, String text) {
    Reply reply = new ClientFrameIntake(json, Clock.systemUTC()).read(text);
    assertThat(reply).isInstanceOf(Reply.Answer.class);
    Object frame = ((Reply.Answer) reply).frame();
    assertErrorCode(frame, ErrorCode.INVALID_FRAME);
    String reason = String.valueOf(((ErrorFrame) frame).getError().getDetails().get("reason"));
    assertThat(reason).as("reason for %s", text).doesNotContain("dev.towerline", "com.fasterxml", "java.", "`", "Jackson", "Frame", "constraint");
    return reason;
  }

  /** The names of the messages of asyncapi.yaml's receive operations, read here independently. */
  private static String clientTypesInTheContract() {
    com.fasterxml.jackson.databind.JsonNode asyncApi = dev.towerline.spec.ContractDocuments.bundled().asyncApi();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    asyncApi.path("operations").forEach(operation -> {
      if (operation.path("action").asText().equals("receive")) {
        operation.path("messages").forEach(ref -> {
          String channelMessage = ref.path("$ref").asText().substring(1);
          String component = asyncApi.at(channelMessage).path("$ref").asText().substring(1);
          names.add(asyncApi.at(component).path("name").asText());
        });
      }
    });
    assertThat(names).contains("ping", "pong");
    return String.join(", ", names);
  }

  private static void assertErrorCode(Object frame, ErrorCode code) {
    assertThat(frame).isInstanceOfSatisfying(ErrorFrame.class, error -> assertThat(error.getError().getCode()).isEqualTo(code));
    assertValidFrame(new Reply.Answer((dev.towerline.protocol.Frame) frame));
  }

  private static void assertValidFrame(Reply.Answer answer) {
    try {
      CONTRACT.checkFrame("/api/v1/ws/devices", ProtocolJson.strictMapper().writeValueAsString(answer.frame()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
