package dev.towerline.server.feed.framing;

import dev.towerline.server.http.grizzly.CloseAfterWrite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a WebSocket connection at the first client frame whose header alone breaks the rules:
 * with 1002 (protocol error) when it is not masked, as RFC 6455 §5.1 requires (Tyrus reads such
 * frames as if they were fine), and with 1009 (message too big) when it announces more than a feed
 * reads, before any of its payload is waited for. Sits right before Tyrus' filter and only looks at
 * connections Tyrus has upgraded.
 */
final class FrameHeaderFilter extends BaseFilter {
  /** RFC 6455 "Protocol Error". */
  static final int CLOSE_PROTOCOL_ERROR = 1002;
  /** RFC 6455 "Message Too Big". */
  static final int CLOSE_TOO_BIG = 1009;
  static final String UNMASKED_REASON = "client frames must be masked (RFC 6455 section 5.1)";
  static final String TOO_BIG_REASON = "frame exceeds the message limit";

  private static final Logger log = LoggerFactory.getLogger(FrameHeaderFilter.class);
  // The connection attribute Tyrus sets once a connection is upgraded (GrizzlyServerFilter).
  private static final String TYRUS_CONNECTION = GrizzlyServerFilter.class.getName() + ".Connection";
  private static final Attribute<FrameHeaderScanner> SCANNER =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(FrameHeaderFilter.class.getName() + ".scanner");

  private final long maxPayloadBytes;

  FrameHeaderFilter(long maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    // Plain HTTP requests are let through before any attribute lookup.
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !content.getHttpHeader().isUpgrade()
        || connection.getAttributes().getAttribute(TYRUS_CONNECTION) == null) {
      return ctx.getInvokeAction();
    }
    FrameHeaderScanner scanner = SCANNER.get(connection);
    if (scanner == null) {
      scanner = new FrameHeaderScanner(maxPayloadBytes);
      SCANNER.set(connection, scanner);
    }
    switch (scanner.scan(content.getContent())) {
      case UNMASKED -> {
        log.info("WebSocket client {} sent an unmasked frame; closing with 1002", connection.getPeerAddress());
        close(connection, CLOSE_PROTOCOL_ERROR, UNMASKED_REASON);
      }
      case TOO_LARGE -> {
        log.info("WebSocket client {} announced a frame over {} bytes; closing with 1009", connection.getPeerAddress(), maxPayloadBytes);
        close(connection, CLOSE_TOO_BIG, TOO_BIG_REASON);
      }
      case ACCEPTABLE -> {
        return ctx.getInvokeAction();
      }
    }
    return ctx.getStopAction();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void close(Connection connection, int code, String text) {
    byte[] reason = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(4 + reason.length);
    frame.put((byte) 0x88).put((byte) (2 + reason.length)).putShort((short) code).put(reason).flip();
    Buffer buffer = Buffers.wrap(connection.getMemoryManager(), frame);
    connection.write(buffer, CloseAfterWrite.of(connection));
  }
}
