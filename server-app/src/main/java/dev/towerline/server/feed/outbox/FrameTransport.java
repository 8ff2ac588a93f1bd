package dev.towerline.server.feed.outbox;

import java.util.function.Consumer;

/** Where an outbox writes: one WebSocket connection. */
public interface FrameTransport {
  /**
   * Starts sending one text frame; {@code done} is called once it is written ({@code null}) or
   * failed (the cause). The outbox never starts a second send before the first is done.
   */
  void send(String text, Consumer<Throwable> done);

  /** Closes the connection with a WebSocket close code and reason. */
  void close(int code, String reason);
}
