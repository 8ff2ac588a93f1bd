package dev.towerline.server.feed.outbox;

import java.util.function.Consumer;

/** Where an outbox writes: one WebSocket connection. */
public interface FrameTransport {
  /**
   * Starts sending one text frame; {@code done} is called once it is written ({@code null}) or
   * failed (the cause). The outbox never starts a second send before the first is done. It may
   * also throw, even an {@link Error} (Tyrus does for text it cannot encode, {@link
   * SharedTextFrame#bytes} an {@link SharedTextFrame.UnencodableTextException}): that counts as a
   * failed send. The frame may be shared with other connections: write a view of it, never alter it.
   */
  void send(SharedTextFrame frame, Consumer<Throwable> done);

  /**
   * A send failed and the outbox has stopped: the connection must end (1011, so the client
   * resumes with {@code since}), and the failure be counted and logged. Called at most once.
   */
  void sendFailed(Throwable cause);

  /** Closes the connection with a WebSocket close code and reason. */
  void close(int code, String reason);
}
