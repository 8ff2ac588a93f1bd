package dev.towerline.server.feed.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Pong;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.server.feed.intake.ClientFrameIntake.Reply;
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
