package dev.towerline.server.feed.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Frame;
import dev.towerline.protocol.Ping;
import dev.towerline.protocol.Pong;
import dev.towerline.server.contract.ClientFrameContract;
import dev.towerline.server.contract.Violation;
import dev.towerline.server.text.Utf8Length;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Reads what one client sends. A {@code ping} is answered with a {@code pong}, a {@code pong}
 * counts as a sign of life; anything else (not JSON, not a frame, a server-only frame, too large)
 * gets an {@code error} frame, and the {@value #MAX_INVALID_FRAMES}th invalid frame closes the
 * connection with 1008 (policy violation). A client that sends faster than its {@link FrameBudget}
 * allows gets a {@code RATE_LIMITED} error frame and the same close. Not thread-safe: one per
 * connection, fed in order.
 */
public final class ClientFrameIntake {
  /** RFC 6455 "Policy Violation". */
  public static final int CLOSE_POLICY_VIOLATION = 1008;
  public static final int MAX_INVALID_FRAMES = 3;
  /** Client frames are tiny; a larger one is answered with FRAME_TOO_LARGE and not parsed. */
  public static final int MAX_FRAME_BYTES = 4_096;
  /**
   * The largest message a feed reads at all (UTF-8 bytes): beyond it the connection is closed
   * with 1009, before the message is held in memory whole.
   */
  public static final int MAX_MESSAGE_BYTES = 65_536;

  /** What the connection should do with one client frame. */
  public sealed interface Reply {
    /** A sign of life; nothing to send. */
    record Alive() implements Reply {}

    /** Send this frame back. */
    record Answer(Frame frame) implements Reply {}

    /** Send this frame, then close with this code. */
    record AnswerAndClose(Frame frame, int closeCode, String reason) implements Reply {}
  }

  private final ObjectMapper json;
  private final Clock clock;
  private final ClientFrameTypes types;
  private final ClientFrameContract frames = ClientFrameContract.bundled();
  private final FrameBudget budget;
  private int invalidFrames;

  /** An intake for the frame types of the bundled contract. */
  public ClientFrameIntake(ObjectMapper json, Clock clock) {
    this(json, clock, ClientFrameTypes.bundled());
  }

  public ClientFrameIntake(ObjectMapper json, Clock clock, ClientFrameTypes types) {
    this(json, clock, types, FrameBudget.UNLIMITED);
  }

  /** An intake for the frame types of the bundled contract whose client may send as {@code budget} allows. */
  public ClientFrameIntake(ObjectMapper json, Clock clock, FrameBudget budget) {
    this(json, clock, ClientFrameTypes.bundled(), budget);
  }

  public ClientFrameIntake(ObjectMapper json, Clock clock, ClientFrameTypes types, FrameBudget budget) {
    this.json = json;
    this.clock = clock;
    this.types = types;
    this.budget = budget;
  }

  public Reply read(String text) {
    if (!budget.take()) {
      ErrorFrame error =
          new ErrorFrame()
              .withTs(now())
              .withError(
                  new ApiError()
                      .withCode(ErrorCode.RATE_LIMITED)
                      .withMessage("Frames sent faster than this connection's rate limit allows; reconnect later")
                      .withDetails(Map.of()));
      return new Reply.AnswerAndClose(error, CLOSE_POLICY_VIOLATION, "client frame rate limit exceeded");
    }
    // Each character takes at least one byte: only short texts need counting.
    if (text.length() > MAX_FRAME_BYTES || Utf8Length.of(text) > MAX_FRAME_BYTES) {
      return invalid(ErrorCode.FRAME_TOO_LARGE, "Frame exceeds " + MAX_FRAME_BYTES + " bytes", Map.of("max_bytes", MAX_FRAME_BYTES));
    }
    Frame frame;
    try {
      frame = json.readValue(text, Frame.class);
    } catch (JsonProcessingException e) {
      return invalid(ErrorCode.INVALID_FRAME, "Frame is not a valid frame", Map.of("reason", InvalidFrameReason.of(e, types)));
    }
    if (frame instanceof Ping ping) {
      List<Violation> violations = frames.check(json.valueToTree(ping));
      if (!violations.isEmpty()) {
        return invalid(ErrorCode.INVALID_FRAME, "Frame breaks the ping schema", Map.of("reason", "field " + violations.get(0)));
      }
      return new Reply.Answer(new Pong().withTs(now()).withNonce(ping.getNonce()));
    }
    if (frame instanceof Pong) {
      return new Reply.Alive();
    }
    String type = frameType(frame);
    return invalid(
        ErrorCode.INVALID_FRAME,
        "Clients may only send " + types.listed() + " frames",
        Map.of("reason", "frame type '" + type + "' is sent by the server only; a client may send: " + types.listed()));
  }

  /** The {@code type} of a frame that was read: a type the contract names. */
  private String frameType(Frame frame) {
    return json.valueToTree(frame).path("type").asText();
  }

  private Reply invalid(ErrorCode code, String message, Map<String, Object> details) {
    invalidFrames++;
    ErrorFrame error =
        new ErrorFrame().withTs(now()).withError(new ApiError().withCode(code).withMessage(message).withDetails(details));
    if (invalidFrames >= MAX_INVALID_FRAMES) {
      return new Reply.AnswerAndClose(error, CLOSE_POLICY_VIOLATION, "too many invalid frames");
    }
    return new Reply.Answer(error);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
