package dev.towerline.server.feed.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Frame;
import dev.towerline.protocol.Ping;
import dev.towerline.protocol.Pong;
import dev.towerline.server.text.Utf8Length;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Reads what one client sends. A {@code ping} is answered with a {@code pong}, a {@code pong}
 * counts as a sign of life; anything else (not JSON, not a frame, a server-only frame, too large)
 * gets an {@code error} frame, and the {@value #MAX_INVALID_FRAMES}th invalid frame closes the
 * connection with 1008 (policy violation). Not thread-safe: one per connection, fed in order.
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
  private int invalidFrames;

  public ClientFrameIntake(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  public Reply read(String text) {
    // Each character takes at least one byte: only short texts need counting.
    if (text.length() > MAX_FRAME_BYTES || Utf8Length.of(text) > MAX_FRAME_BYTES) {
      return invalid(ErrorCode.FRAME_TOO_LARGE, "Frame exceeds " + MAX_FRAME_BYTES + " bytes", Map.of("max_bytes", MAX_FRAME_BYTES));
    }
    Frame frame;
    try {
      frame = json.readValue(text, Frame.class);
    } catch (JsonProcessingException e) {
      return invalid(ErrorCode.INVALID_FRAME, "Frame is not a valid frame", Map.of("reason", reason(e)));
    }
    if (frame instanceof Ping ping) {
      return new Reply.Answer(new Pong().withTs(now()).withNonce(ping.getNonce()));
    }
    if (frame instanceof Pong) {
      return new Reply.Alive();
    }
    return invalid(
        ErrorCode.INVALID_FRAME, "Clients may only send ping and pong frames", Map.of("reason", "unexpected client frame type"));
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

  /** Jackson's first line says what was wrong without echoing the client's input at length. */
  private static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.length() > 200 ? first.substring(0, 200) : first;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
