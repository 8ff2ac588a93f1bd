package dev.towerline.server.feed;

import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.core.frame.Frame;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.WriterInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an already encoded frame to one Tyrus connection and reports when it is written, so a feed
 * event is encoded once for all its clients: Tyrus' {@code sendText} encodes the text to UTF-8 and
 * copies it into a new frame on every send. Tyrus writes raw frames ({@code sendRawFrame}) but
 * reports them only through a {@code Future}; the outbox needs a callback, so this calls the private
 * {@code ProtocolHandler.send(ByteBuffer, CompletionHandler, …)} that {@code sendRawFrame} calls,
 * reached once by reflection. {@code sendRawFrame} also waits for a fragmented message in progress:
 * a feed sends none. When Tyrus' internals cannot be reached, or the connection negotiated an
 * extension (which would rewrite each frame for its connection), {@link #of} answers null and the
 * caller sends text as usual.
 */
final class TyrusFrameWriter {
  private static final Logger log = LoggerFactory.getLogger(TyrusFrameWriter.class);
  /** What Tyrus' own {@code getAsyncRemote().sendText} passes to its writer. */
  private static final WriterInfo ASYNC_TEXT = new WriterInfo(WriterInfo.MessageType.TEXT, WriterInfo.RemoteEndpointType.ASYNC);
  private static final Internals TYRUS = Internals.find();
  /** In a static final field, so the JIT compiles the call as a direct one. */
  private static final MethodHandle SEND = TYRUS == null ? null : TYRUS.send();

  private final TyrusWebSocket socket;
  private final ProtocolHandler protocol;

  private TyrusFrameWriter(TyrusWebSocket socket, ProtocolHandler protocol) {
    this.socket = socket;
    this.protocol = protocol;
  }

  /** A writer for {@code session}, or null when its frames must be sent as text by the container. */
  static TyrusFrameWriter of(Session session) {
    if (TYRUS == null || !(session.getAsyncRemote() instanceof TyrusRemoteEndpoint remote)) {
      return null;
    }
    try {
      TyrusWebSocket socket = (TyrusWebSocket) TYRUS.socket.get(remote);
      ProtocolHandler protocol = (ProtocolHandler) TYRUS.protocol.get(socket);
      return protocol.hasExtensions() ? null : new TyrusFrameWriter(socket, protocol);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Frames of this connection are encoded by Tyrus: {}", e.toString());
      return null;
    }
  }

  /**
   * Starts writing {@code frame}; {@code done} gets null once it is written, or the cause of the
   * failure. Throws, as {@code sendText} does, when the connection is no longer open.
   */
  void write(ByteBuffer frame, Consumer<Throwable> done) {
    if (!socket.isConnected()) {
      throw new IllegalStateException("the WebSocket connection is closed");
    }
    try {
      SEND.invokeExact(protocol, frame, (CompletionHandler<Frame>) new Completion(done), ASYNC_TEXT, Boolean.TRUE);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) { // The private method declares nothing checked; a handle must still say so.
      throw new IllegalStateException(e);
    }
  }

  private static final class Completion extends CompletionHandler<Frame> {
    private final Consumer<Throwable> done;

    Completion(Consumer<Throwable> done) {
      this.done = done;
    }

    @Override
    public void completed(Frame result) {
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
  }

  /** The Tyrus members this needs, or null when this Tyrus does not have them. */
  private record Internals(Field socket, Field protocol, MethodHandle send) {
    static Internals find() {
      try {
        Field socket = TyrusRemoteEndpoint.class.getDeclaredField("webSocket");
        socket.setAccessible(true);
        Field protocol = TyrusWebSocket.class.getDeclaredField("protocolHandler");
        protocol.setAccessible(true);
        Method send =
            ProtocolHandler.class.getDeclaredMethod("send", ByteBuffer.class, CompletionHandler.class, WriterInfo.class, Boolean.class);
        send.setAccessible(true);
        MethodHandle handle =
            MethodHandles.lookup()
                .unreflect(send)
                .asType(MethodType.methodType(void.class, ProtocolHandler.class, ByteBuffer.class, CompletionHandler.class, WriterInfo.class, Boolean.class));
        return new Internals(socket, protocol, handle);
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.warn("Feed frames will be encoded once per client, not once per event: {}", e.toString());
        return null;
      }
    }
  }
}
