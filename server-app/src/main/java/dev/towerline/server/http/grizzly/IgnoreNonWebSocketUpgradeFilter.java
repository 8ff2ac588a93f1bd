package dev.towerline.server.http.grizzly;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.util.Header;

/**
 * Turns an {@code Upgrade} request for anything but WebSocket into a plain HTTP/1.1 request.
 *
 * <p>Grizzly's codec, on seeing any {@code Upgrade} header, fires an upgrade event and stops
 * framing the body by {@code Content-Length}, reading it as a raw upgraded stream that never ends:
 * a POST with {@code Upgrade: h2c} hangs until the client times out. We do not speak h2c, so on
 * that event the upgrade is dropped, body framing restored, and the event stopped here. WebSocket
 * upgrades pass through to Tyrus untouched. Allowed by RFC 9110 §7.8: a server may ignore Upgrade.
 */
final class IgnoreNonWebSocketUpgradeFilter extends BaseFilter {

  private static final String WEBSOCKET = "websocket";
  private static final String HTTP2_SETTINGS = "HTTP2-Settings";

  @Override
  public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
    if (event.type() != HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
      return ctx.getInvokeAction();
    }
    HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
    String upgrade = header.getUpgrade();
    if (upgrade != null && upgrade.trim().equalsIgnoreCase(WEBSOCKET)) {
      return ctx.getInvokeAction();
    }
    header.getUpgradeDC().recycle();
    header.setIgnoreContentModifiers(false);
    header.getHeaders().removeHeader(Header.Upgrade);
    header.getHeaders().removeHeader(HTTP2_SETTINGS);
    return ctx.getStopAction();
  }
}
