package dev.towerline.server.feed.framing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
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
 * Closes a WebSocket connection with 1002 (protocol error) at the first client frame that is not
 * masked, as RFC 6455 §5.1 requires; Tyrus reads such frames as if they were fine. Sits right
 * before Tyrus' filter and only looks at connections Tyrus has upgraded.
 */
final class UnmaskedFrameFilter extends BaseFilter {
  /** RFC 6455 "Protocol Error". */
  static final int CLOSE_PROTOCOL_ERROR = 1002;
  static final String REASON = "client frames must be masked (RFC 6455 section 5.1)";

  private static final Logger log = LoggerFactory.getLogger(UnmaskedFrameFilter.class);
  // The connection attribute Tyrus sets once a connection is upgraded (GrizzlyServerFilter).
  private static final String TYRUS_CONNECTION = GrizzlyServerFilter.class.getName() + ".Connection";
  private static final Attribute<MaskScanner> SCANNER =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(UnmaskedFrameFilter.class.getName() + ".scanner");

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    // Plain HTTP requests are let through before any attribute lookup.
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !content.getHttpHeader().isUpgrade()
        || connection.getAttributes().getAttribute(TYRUS_CONNECTION) == null) {
      return ctx.getInvokeAction();
    }
    MaskScanner scanner = SCANNER.get(connection);
    if (scanner == null) {
      scanner = new MaskScanner();
      SCANNER.set(connection, scanner);
    }
    if (scanner.allMasked(content.getContent())) {
      return ctx.getInvokeAction();
    }
    log.info("WebSocket client {} sent an unmasked frame; closing with 1002", connection.getPeerAddress());
    closeWithProtocolError(connection);
    return ctx.getStopAction();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void closeWithProtocolError(Connection connection) {
    byte[] reason = REASON.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(4 + reason.length);
    frame.put((byte) 0x88).put((byte) (2 + reason.length)).putShort((short) CLOSE_PROTOCOL_ERROR).put(reason).flip();
    Buffer buffer = Buffers.wrap(connection.getMemoryManager(), frame);
    connection.write(buffer, new EmptyCompletionHandler<WriteResult>() {
      @Override
      public void completed(WriteResult result) {
        connection.closeSilently();
      }

      @Override
      public void failed(Throwable throwable) {
        connection.closeSilently();
      }
    });
  }
}
