package dev.towerline.server.feed;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-initiated close that waits for the client's answer, as RFC 6455 §7.1.2 describes.
 * Tyrus 2.2 closes the TCP connection as soon as it has written its own close frame; a client
 * still sending (pings) then meets a reset, which can discard the close frame before the client
 * reads it, so it sees the connection die instead of 1012. Here the close frame goes out as a raw
 * frame after Tyrus' socket is marked closing: Tyrus then takes the client's close as the answer,
 * reports it to the endpoint and only closes the socket. Tyrus has no public API for this, so its
 * two internals are reached once, by reflection; when they cannot be, {@link #send} answers false
 * and the caller closes the ordinary way.
 */
final class AnsweredClose {
  private static final Logger log = LoggerFactory.getLogger(AnsweredClose.class);
  private static final Internals TYRUS = Internals.find();

  private AnsweredClose() {}

  /**
   * Writes a close frame with {@code code} and {@code reason} and leaves the connection open until
   * the client answers; false when this could not be done (the caller then closes as usual).
   */
  static boolean send(Session session, int code, String reason) {
    if (TYRUS == null) {
      return false;
    }
    try {
      TyrusWebSocket socket = (TyrusWebSocket) TYRUS.socket.get(session.getAsyncRemote());
      @SuppressWarnings("unchecked")
      AtomicReference<Object> state = (AtomicReference<Object>) TYRUS.state.get(socket);
      if (!state.compareAndSet(TYRUS.connected, TYRUS.closing)) {
        return false; // Closing already, by either side.
      }
      socket.sendRawFrame(frame(code, reason));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Close with answer not possible, closing at once: {}", e.toString());
      return false;
    }
  }

  /** An unmasked close frame, as a server writes it (RFC 6455 §5.5.1). */
  static ByteBuffer frame(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(text.length, 123); // Control frames carry at most 125 bytes.
    ByteBuffer frame = ByteBuffer.allocate(4 + length);
    frame.put((byte) 0x88).put((byte) (2 + length)).putShort((short) code).put(text, 0, length);
    return frame.flip();
  }

  /** The Tyrus fields this needs, or null when this Tyrus does not have them. */
  private record Internals(Field socket, Field state, Object connected, Object closing) {
    static Internals find() {
      try {
        Field socket = TyrusRemoteEndpoint.class.getDeclaredField("webSocket");
        socket.setAccessible(true);
        Field state = TyrusWebSocket.class.getDeclaredField("state");
        state.setAccessible(true);
        Class<?> states = Class.forName(TyrusWebSocket.class.getName() + "$State");
        return new Internals(socket, state, constant(states, "CONNECTED"), constant(states, "CLOSING"));
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.warn("Feed closes on stop will not wait for the clients' answers: {}", e.toString());
        return null;
      }
    }

    private static Object constant(Class<?> enumType, String name) {
      for (Object value : enumType.getEnumConstants()) {
        if (((Enum<?>) value).name().equals(name)) {
          return value;
        }
      }
      throw new IllegalStateException(enumType.getName() + " has no " + name);
    }
  }
}
