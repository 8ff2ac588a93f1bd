package dev.towerline.server.feed;

import dev.towerline.protocol.Feed;
import dev.towerline.protocol.Frame;
import dev.towerline.server.feed.outbox.FrameTransport;
import dev.towerline.server.feed.outbox.Outbox;
import dev.towerline.server.feed.outbox.SharedTextFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open WebSocket connection of a feed: Tyrus session, outbox and feed state. */
final class FeedSession implements FrameTransport {
  private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'t', 'l'});
  static final String SEND_FAILED_REASON = "a frame could not be sent; resume with since";
  private static final Logger log = LoggerFactory.getLogger(FeedSession.class);

  private final String id;
  private final Feed feed;
  private final Session session;
  private final FeedService service;
  private final Outbox outbox;
  private final FeedConnection connection;
  /** Null when this connection's frames are encoded by the container, one send at a time. */
  private final TyrusFrameWriter frameWriter;
  private final AtomicReference<CloseReason> sentClose = new AtomicReference<>();
  /**
   * Held while a frame is handed to the container and while the close frame is: once the close is
   * out, nothing may follow it (RFC 6455 §5.5.1), not even a pong or a heartbeat already on its way.
   */
  private final Object wire = new Object();

  FeedSession(String id, Feed feed, Session session, FeedService service, java.util.function.Predicate<dev.towerline.protocol.FeedEvent> filter) {
    this.id = id;
    this.feed = feed;
    this.session = session;
    this.service = service;
    this.outbox = new Outbox(this, service.config().outboxLimits());
    this.frameWriter = TyrusFrameWriter.of(session);
    this.connection =
        new FeedConnection(id, outbox, service.config().outboxLimits(), filter, () -> {
          outbox.discard();
          close(Outbox.CLOSE_TRY_AGAIN_LATER, "consumer too slow; resume with since");
        });
  }

  String id() {
    return id;
  }

  Feed feed() {
    return feed;
  }

  FeedConnection connection() {
    return connection;
  }

  void send(Frame frame) {
    outbox.offer(service.write(frame));
  }

  /** Sends a frame already written by {@link FeedService#write}, possibly to other connections too. */
  void sendWritten(SharedTextFrame frame) {
    outbox.offer(frame);
  }

  /** Sends {@code frame} then closes (once it is written or failed). */
  void sendThenClose(Frame frame, int code, String reason) {
    synchronized (wire) {
      if (closing()) {
        return;
      }
      try {
        session.getAsyncRemote().sendText(service.write(frame), result -> close(code, reason));
      } catch (Throwable e) { // Closing is what matters; the frame was a courtesy.
        close(code, reason);
      }
    }
  }

  void webSocketPing() {
    synchronized (wire) {
      if (closing()) {
        return;
      }
      try {
        session.getAsyncRemote().sendPing(PING.duplicate());
      } catch (Throwable e) {
        // The close callback or the next heartbeat deals with a dead connection.
      }
    }
  }

  /** May throw, even an {@link Error}: the outbox takes that as a failed send. */
  @Override
  public void send(SharedTextFrame frame, Consumer<Throwable> done) {
    synchronized (wire) {
      if (closing()) { // The outbox is discarded by now: this failure is not reported.
        done.accept(new IllegalStateException("the server has sent its close frame"));
        return;
      }
      if (frameWriter != null) {
        frameWriter.write(frame.bytes(), failure -> {
          if (failure == null) {
            service.metrics().sent(feed);
          }
          done.accept(failure);
        });
        return;
      }
      session.getAsyncRemote().sendText(frame.text(), result -> {
        if (result.isOK()) {
          service.metrics().sent(feed);
          done.accept(null);
        } else {
          done.accept(result.getException());
        }
      });
    }
  }

  /**
   * Ends this connection alone with 1011: the client resumes with {@code since} and the feed goes
   * on serving the others. Counted, and logged through {@link SendFailureLog}.
   */
  @Override
  public void sendFailed(Throwable cause) {
    if (!session.isOpen()) {
      log.debug("WebSocket {} went away while a frame was being sent: {}", id, cause.toString());
      return;
    }
    service.metrics().sendFailed(feed);
    close(FeedService.CLOSE_UNEXPECTED, SEND_FAILED_REASON);
    service.sendFailures().failed(id, feed, cause);
  }

  /**
   * How the connection ended, for the log: the close this server sent if it closed first (the
   * peer answers with a close of its own, often 1000), else the peer's.
   */
  CloseReason endedBy(CloseReason received) {
    CloseReason sent = sentClose.get();
    return sent != null ? sent : received;
  }

  /**
   * Closes for a server stop: the close frame goes out and the connection stays open until the
   * client answers it (then the endpoint's {@code onClose} ends this session), so the close frame
   * cannot be lost to a reset. Falls back to {@link #close} when that cannot be done.
   */
  void closeAwaitingAnswer(int code, String reason) {
    boolean answered;
    synchronized (wire) {
      sentClose.compareAndSet(null, new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      outbox.discard();
      answered = AnsweredClose.send(session, code, reason);
    }
    if (!answered) {
      close(code, reason);
    }
  }

  /** True once this server has sent its close: nothing more may be sent. */
  boolean closing() {
    return sentClose.get() != null;
  }

  @Override
  public void close(int code, String reason) {
    sentClose.compareAndSet(null, new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    if (code == Outbox.CLOSE_TRY_AGAIN_LATER) {
      service.metrics().closed(feed, FeedMetrics.CloseReason.SLOW_CONSUMER);
    }
    outbox.discard();
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (Throwable e) {
      // Already closing.
    }
  }
}
