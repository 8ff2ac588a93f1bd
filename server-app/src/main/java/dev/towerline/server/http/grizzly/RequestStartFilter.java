package dev.towerline.server.http.grizzly;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Sits below Grizzly's HTTP codec, where every byte passes, even those of headers the codec has not
 * finished parsing: a new connection and the first bytes of each later request start a read deadline, and a request still
 * incomplete once this read is processed gets a timer. Bytes arriving after the deadline expired
 * are dropped; the connection is closing.
 */
final class RequestStartFilter extends BaseFilter {

  private final RequestReadDeadlines deadlines;

  RequestStartFilter(RequestReadDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  /**
   * A new connection owes its first request at once: one that never sends a byte is answered 408
   * and closed at the deadline too, as RFC 9110 §15.5.9 allows, instead of holding a socket.
   */
  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    ConnectionReadState state = deadlines.of(connection);
    state.bytesArrived(System.nanoTime());
    deadlines.armIfStillReading(connection, state);
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    ConnectionReadState state = deadlines.of(connection);
    if (state.isExpired()) {
      return ctx.getStopAction();
    }
    state.bytesArrived(System.nanoTime());
    if (state.isReadingWithoutTimer()) {
      ctx.addCompletionListener(done -> deadlines.armIfStillReading(connection, state));
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    deadlines.of(ctx.getConnection()).closed();
    return ctx.getInvokeAction();
  }
}
