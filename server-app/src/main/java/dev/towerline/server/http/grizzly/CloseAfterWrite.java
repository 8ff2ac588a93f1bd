package dev.towerline.server.http.grizzly;

import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;

/**
 * The last write on a connection the server gives up on (a 400 or 408 answer, a refused
 * handshake, a WebSocket close frame): once the write is done, or has failed, the connection is
 * closed. Used with {@code connection.write} and {@code ctx.write} alike, so each keeps its own
 * way down the filter chain.
 */
public final class CloseAfterWrite {
  private CloseAfterWrite() {}

  /** A completion handler that closes {@code connection} silently when the write completes or fails. */
  public static <R> CompletionHandler<R> of(Connection<?> connection) {
    return new EmptyCompletionHandler<R>() {
      @Override
      public void completed(R result) {
        connection.closeSilently();
      }

      @Override
      public void failed(Throwable failure) {
        connection.closeSilently();
      }
    };
  }
}
