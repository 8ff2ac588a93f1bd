package dev.towerline.server.feed;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.spi.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an already encoded frame to one Tyrus connection and reports when it is written, so a feed
 * event is encoded once for all its clients: Tyrus' {@code sendText} encodes the text to UTF-8 and
 * copies it into a new frame on every send. The frame goes straight into the Grizzly connection's
 * write queue, the queue Tyrus' own writes end in, without Tyrus' task queue and the connection's
 * filter chain: for a WebSocket frame every filter there passes the bytes through unchanged, and
 * walking them cost more than the write itself when an event goes to thousands of clients. Frames
 * are written whole and in order with Tyrus' own (pings, pongs, the close frame); the caller keeps
 * its frames off the wire once its close frame is out.
 *
 * <p>Tyrus and Grizzly do not expose the connection beneath a session: it is reached once by
 * reflection. When it cannot be reached, or the connection negotiated an extension (which would
 * rewrite each frame for its connection), {@link #of} answers null and the caller sends text as
 * usual.
 */
final class TyrusFrameWriter {
  private static final Logger log = LoggerFactory.getLogger(TyrusFrameWriter.class);
  private static final Internals TYRUS = Internals.find();

  private final TyrusWebSocket socket;
  private final Connection<Object> connection;
  private final AsyncQueueWriter<Object> writeQueue;

  private TyrusFrameWriter(TyrusWebSocket socket, Connection<Object> connection, AsyncQueueWriter<Object> writeQueue) {
    this.socket = socket;
    this.connection = connection;
    this.writeQueue = writeQueue;
  }

  /** A writer for {@code session}, or null when its frames must be sent as text by the container. */
  static TyrusFrameWriter of(Session session) {
    if (TYRUS == null || !(session.getAsyncRemote() instanceof TyrusRemoteEndpoint remote)) {
      return null;
    }
    try {
      TyrusWebSocket socket = (TyrusWebSocket) TYRUS.socket.get(remote);
      ProtocolHandler protocol = (ProtocolHandler) TYRUS.protocol.get(socket);
      Writer writer = (Writer) TYRUS.writer.get(protocol);
      if (protocol.hasExtensions() || !TYRUS.grizzlyWriter.isInstance(writer)) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Connection<Object> connection = (Connection<Object>) TYRUS.connection.get(writer);
      if (!(connection.getTransport() instanceof AsyncQueueEnabledTransport transport)) {
        return null;
      }
      @SuppressWarnings("unchecked")
      AsyncQueueWriter<Object> writeQueue = (AsyncQueueWriter<Object>) transport.getAsyncQueueIO().getWriter();
      return new TyrusFrameWriter(socket, connection, writeQueue);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Frames of this connection are encoded by Tyrus: {}", e.toString());
      return null;
    }
  }

  /**
   * Starts writing {@code frame} (a view the caller does not touch again); {@code done} gets null
   * once it is written, or the cause of the failure. Throws, as {@code sendText} does, when the
   * connection is no longer open.
   */
  void write(ByteBuffer frame, Consumer<Throwable> done) {
    if (!socket.isConnected() || !connection.isOpen()) {
      throw new IllegalStateException("the WebSocket connection is closed");
    }
    writeQueue.write(connection, null, new ByteBufferWrapper(frame), new Completion(done), null, null);
  }

  private static final class Completion implements CompletionHandler<WriteResult<WritableMessage, Object>> {
    private final Consumer<Throwable> done;

    Completion(Consumer<Throwable> done) {
      this.done = done;
    }

    @Override
    public void completed(WriteResult<WritableMessage, Object> result) {
      done.accept(null);
    }

    @Override
    public void failed(Throwable cause) {
      done.accept(cause);
    }

    @Override
    public void cancelled() {
      done.accept(new CancellationException("the container cancelled the write"));
    }

    @Override
    public void updated(WriteResult<WritableMessage, Object> result) {}
  }

  /** The Tyrus members this needs, or null when this Tyrus does not have them. */
  private record Internals(Field socket, Field protocol, Field writer, Class<?> grizzlyWriter, Field connection) {
    private static final String GRIZZLY_WRITER = "org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter";

    static Internals find() {
      try {
        Class<?> grizzlyWriter = Class.forName(GRIZZLY_WRITER, false, TyrusWebSocket.class.getClassLoader());
        return new Internals(
            accessible(TyrusRemoteEndpoint.class, "webSocket"),
            accessible(TyrusWebSocket.class, "protocolHandler"),
            accessible(ProtocolHandler.class, "writer"),
            grizzlyWriter,
            accessible(grizzlyWriter, "connection"));
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.warn("Feed frames will be encoded once per client, not once per event: {}", e.toString());
        return null;
      }
    }

    private static Field accessible(Class<?> owner, String name) throws NoSuchFieldException {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    }
  }
}
