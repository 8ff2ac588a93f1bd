package dev.towerline.server.http.grizzly;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * {@code Expect: 100-continue} (RFC 9110 §10.1.1): the client sends its body only once told to.
 * Grizzly tells it when the application starts on the request, which is too late once requests are
 * read whole first; so it is told when the request is held back, and Grizzly's own flag is cleared,
 * since a second {@code 100 Continue} is taken for the final answer by some clients (the JDK's).
 */
final class ContinueExpectation {

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String EXPECTATION = "100-continue";
  // HttpRequestPacket#requiresAcknowledgement(boolean) is protected: Grizzly has no public way to
  // say the expectation is answered.
  private static final Method ACKNOWLEDGED = acknowledgementSetter();

  private ContinueExpectation() {}

  /** Whether {@code request} waits for {@code 100 Continue} and none of its body has come yet. */
  static boolean awaitsContinue(HttpRequestPacket request, HttpContent content) {
    Buffer body = content.getContent();
    return ACKNOWLEDGED != null
        && request.requiresAcknowledgement()
        && EXPECTATION.equalsIgnoreCase(request.getHeader(Header.Expect))
        && (body == null || !body.hasRemaining());
  }

  /** The interim answer; from now on Grizzly considers the expectation met. */
  static Buffer answer(HttpRequestPacket request, MemoryManager<?> memory) {
    try {
      ACKNOWLEDGED.invoke(request, false);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Grizzly's acknowledgement flag cannot be cleared", e);
    }
    return Buffers.wrap(memory, CONTINUE);
  }

  private static Method acknowledgementSetter() {
    try {
      Method setter = HttpRequestPacket.class.getDeclaredMethod("requiresAcknowledgement", boolean.class);
      setter.setAccessible(true);
      return setter;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Without it the server leaves 100 Continue to Grizzly: such clients wait for their own timeout.
      return null;
    }
  }
}
