package dev.towerline.server.http.grizzly;

import java.io.IOException;
import java.util.Set;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

/**
 * Turns an {@code Upgrade} request the server cannot honour into a plain HTTP/1.1 request: any
 * protocol but WebSocket (h2c), and WebSocket on a path where no endpoint listens.
 *
 * <p>Grizzly's codec, on seeing any {@code Upgrade} header, fires an upgrade event and stops
 * framing the body by {@code Content-Length} and the answer by its headers, treating both as a raw
 * upgraded stream: a POST with {@code Upgrade: h2c} hangs until the client times out, and so does
 * a WebSocket handshake to {@code /health}. On that event the upgrade is dropped, framing restored
 * and the event stopped here, so the request is answered like any other (a 404 envelope where
 * nothing is routed). WebSocket handshakes to an endpoint pass through to Tyrus untouched. Allowed
 * by RFC 9110 §7.8: a server may ignore Upgrade.
 */
final class UnservedUpgradeFilter extends BaseFilter {

  private static final String WEBSOCKET = "websocket";
  private static final String HTTP2_SETTINGS = "HTTP2-Settings";

  private final Set<String> webSocketPaths;

  /** @param webSocketPaths the absolute paths of the WebSocket endpoints, e.g. {@code /api/v1/ws/devices} */
  UnservedUpgradeFilter(Set<String> webSocketPaths) {
    this.webSocketPaths = Set.copyOf(webSocketPaths);
  }

  @Override
  public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
    if (event.type() != HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
      return ctx.getInvokeAction();
    }
    HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
    if (isServedWebSocketHandshake(header)) {
      return ctx.getInvokeAction();
    }
    header.getUpgradeDC().recycle();
    header.setIgnoreContentModifiers(false);
    header.getHeaders().removeHeader(Header.Upgrade);
    header.getHeaders().removeHeader(HTTP2_SETTINGS);
    return ctx.getStopAction();
  }

  private boolean isServedWebSocketHandshake(HttpHeader header) {
    String upgrade = header.getUpgrade();
    return upgrade != null
        && upgrade.trim().equalsIgnoreCase(WEBSOCKET)
        && header instanceof HttpRequestPacket request
        && webSocketPaths.contains(request.getRequestURI());
  }
}
