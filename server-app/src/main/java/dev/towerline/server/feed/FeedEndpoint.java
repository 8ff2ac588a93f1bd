package dev.towerline.server.feed;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionOutputChunk;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.intake.ClientFrameIntake;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint of one feed; one instance serves all its connections. Public only because Tyrus
 * calls the callbacks reflectively.
 */
public final class FeedEndpoint extends Endpoint {
  private static final String SESSION = "towerline.feed.session";
  private static final Logger log = LoggerFactory.getLogger(FeedEndpoint.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** RFC 6455 "Unsupported Data": the answer to a binary frame. */
  static final int CLOSE_UNSUPPORTED_DATA = 1003;

  private final Feed feed;
  private final FeedService service;

  FeedEndpoint(Feed feed, FeedService service) {
    this.feed = feed;
    this.service = service;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    // Heartbeats find dead peers. With the idle timeout left at 0, Tyrus 2.2 still schedules a
    // no-op timeout task on its executor for every frame sent or received (a thread wake-up per
    // client per event); a negative timeout is also "never", without that task.
    session.setMaxIdleTimeout(-1);
    Map<String, List<String>> query = session.getRequestParameterMap();
    Long since;
    try {
      since = since(first(query, "since"));
    } catch (IllegalArgumentException e) {
      sendErrorThenClose(session, e.getMessage());
      return;
    }
    switch (service.admit(feed)) {
      case AT_LIMIT -> {
        closeQuietly(session, FeedService.CLOSE_TRY_AGAIN_LATER, "connection limit reached; try again later");
        return;
      }
      case STOPPING -> {
        closeQuietly(session, FeedService.CLOSE_SERVICE_RESTART, FeedService.RESTART_REASON);
        return;
      }
      case ADMITTED -> {}
    }
    Predicate<FeedEvent> filter = feed == Feed.EXECUTIONS ? executionFilter(first(query, "execution_id"), first(query, "device_serial")) : e -> true;
    String id = "ws_" + HexFormat.of().formatHex(randomBytes());
    FeedSession feedSession = new FeedSession(id, feed, session, service, filter);
    session.getUserProperties().put(SESSION, feedSession);
    session.setMaxTextMessageBufferSize(ClientFrameIntake.MAX_MESSAGE_BYTES);
    ClientFrameIntake intake = new ClientFrameIntake(service.json(), service.clock(), service.config().frameBudgets().get());
    session.addMessageHandler(
        String.class,
        (MessageHandler.Whole<String>) text -> {
          feedSession.connection().heard();
          ClientFrameIntake.Reply reply;
          synchronized (intake) {
            reply = intake.read(text);
          }
          if (reply instanceof ClientFrameIntake.Reply.Answer answer) {
            feedSession.send(answer.frame());
          } else if (reply instanceof ClientFrameIntake.Reply.AnswerAndClose close) {
            feedSession.sendThenClose(close.frame(), close.closeCode(), close.reason());
          }
        });
    session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> {});
    // Without a handler the container drops binary frames silently, hiding a client's bug.
    session.setMaxBinaryMessageBufferSize(ClientFrameIntake.MAX_MESSAGE_BYTES);
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Whole<ByteBuffer>) data -> feedSession.close(CLOSE_UNSUPPORTED_DATA, "feeds take JSON text frames only"));
    service.opened(feedSession, since);
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    Object feedSession = session.getUserProperties().get(SESSION);
    if (feedSession instanceof FeedSession open) {
      open.connection().outbox().discard();
      CloseReason ended = open.endedBy(closeReason);
      service.closed(open, ended.getCloseCode().getCode(), ended.getReasonPhrase());
    }
  }

  @Override
  public void onError(Session session, Throwable failure) {
    log.debug("WebSocket failure on the {} feed: {}", feed.value(), failure.toString());
  }

  private void sendErrorThenClose(Session session, String message) {
    try {
      session.getBasicRemote().sendText(service.write(service.error(ErrorCode.INVALID_PARAMETER, message)));
    } catch (IOException | RuntimeException | Error e) {
      // Closing anyway.
    }
    closeQuietly(session, FeedService.CLOSE_POLICY_VIOLATION, "invalid since");
  }

  private static void closeQuietly(Session session, int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (IOException | RuntimeException e) {
      // Already gone.
    }
  }

  static Long since(String value) {
    if (value == null) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("since must be a seq (an integer >= 0): " + truncate(value));
    }
  }

  private static Predicate<FeedEvent> executionFilter(String executionId, String deviceSerial) {
    return event -> {
      String id;
      String serial;
      if (event instanceof ExecutionUpdated updated) {
        id = updated.getExecution().getId();
        serial = updated.getExecution().getDeviceSerial();
      } else if (event instanceof ExecutionOutputChunk chunk) {
        id = chunk.getExecutionId();
        serial = chunk.getDeviceSerial();
      } else {
        return true;
      }
      return (executionId == null || executionId.equals(id)) && (deviceSerial == null || deviceSerial.equals(serial));
    };
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String truncate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
