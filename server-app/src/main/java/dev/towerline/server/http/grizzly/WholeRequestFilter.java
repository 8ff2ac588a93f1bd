package dev.towerline.server.http.grizzly;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * Holds a request back until its whole body has arrived, so the application never waits for a
 * client: Jersey reads a body with a blocking read on one of Grizzly's few worker threads, and a
 * handful of slow uploads would hold them all. Each chunk is taken without blocking and kept with
 * the ones before it (bounded by the request-body limit); the request goes on only with its last
 * chunk. A body announced or grown over the limit goes on at once, so the application refuses it
 * (413) from what has arrived, and the connection closes after that answer. A client that waits
 * for {@code 100 Continue} before sending its body gets it here, since the application (which
 * would send it) only sees the request once the body is in. WebSocket handshakes pass untouched
 * and end the connection's request deadlines.
 */
final class WholeRequestFilter extends BaseFilter {

  private final RequestReadDeadlines deadlines;
  private final long maxBodyBytes;

  WholeRequestFilter(RequestReadDeadlines deadlines, long maxBodyBytes) {
    this.deadlines = deadlines;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    ConnectionReadState state = deadlines.of(ctx.getConnection());
    if (request.isUpgrade()) {
      // Only served WebSocket handshakes are still upgrades here (see UnservedUpgradeFilter).
      state.upgraded();
      return ctx.getInvokeAction();
    }
    if (content.isLast() || state.isDispatched(request)) {
      state.dispatched(request);
      return ctx.getInvokeAction();
    }
    if (request.getContentLength() > maxBodyBytes || bodyBytes(content) > maxBodyBytes) {
      // The rest of the body will not be read: nothing may follow the answer on this connection.
      request.getProcessingState().setKeepAlive(false);
      state.dispatchedUnread(request);
      return ctx.getInvokeAction();
    }
    state.stillReading(request, System.nanoTime());
    deadlines.armIfStillReading(ctx.getConnection(), state);
    if (state.continueOnce(request) && ContinueExpectation.awaitsContinue(request, content)) {
      ctx.write(ContinueExpectation.answer(request, ctx.getMemoryManager()));
    }
    return ctx.getStopAction(content);
  }

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    if (ctx.getMessage() instanceof HttpContent content
        && content.isLast()
        && content.getHttpHeader() instanceof HttpResponsePacket
        && deadlines.of(ctx.getConnection()).answered()) {
      // Grizzly would wait for the unread body before closing; the close flushes the answer first.
      Connection<?> connection = ctx.getConnection();
      ctx.addCompletionListener(written -> connection.closeSilently());
    }
    return ctx.getInvokeAction();
  }

  private static long bodyBytes(HttpContent content) {
    Buffer body = content.getContent();
    return body == null ? 0 : body.remaining();
  }
}
