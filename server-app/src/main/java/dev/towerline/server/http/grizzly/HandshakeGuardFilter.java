package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.RequestIds;
import dev.towerline.server.http.error.ErrorResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.utils.Charsets;
import org.glassfish.grizzly.http.util.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a {@link HandshakeGuard} about every WebSocket handshake under the context path, before
 * Tyrus sees it; a refused handshake gets a complete HTTP response (status, envelope, {@code
 * Connection: close}) and the connection is closed once it is written.
 */
final class HandshakeGuardFilter extends BaseFilter {

  private static final Logger log = LoggerFactory.getLogger(HandshakeGuardFilter.class);
  private static final String WEBSOCKET = "websocket";

  private final String contextPath;
  private final HandshakeGuard guard;
  private final EnvelopeWriter envelopes;

  HandshakeGuardFilter(String contextPath, HandshakeGuard guard, EnvelopeWriter envelopes) {
    this.contextPath = contextPath;
    this.guard = guard;
    this.envelopes = envelopes;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)
        || !isWebSocketHandshake(request)) {
      return ctx.getInvokeAction();
    }
    String path = request.getRequestURI();
    if (!path.startsWith(contextPath + "/")) {
      return ctx.getInvokeAction();
    }
    Optional<HandshakeGuard.Refusal> refusal =
        HandshakeHeaders.refusalOf(request).or(() -> check(path.substring(contextPath.length()), request));
    if (refusal.isEmpty()) {
      return ctx.getInvokeAction();
    }
    refuse(ctx, request, refusal.get());
    content.recycle();
    return ctx.getStopAction();
  }

  private Optional<HandshakeGuard.Refusal> check(String path, HttpRequestPacket request) {
    try {
      return guard.check(path, headers(request), query(request));
    } catch (RuntimeException e) {
      // A broken guard must not open the feed to everyone.
      log.error("The WebSocket handshake guard failed on {}; refusing the handshake", path, e);
      return Optional.of(new HandshakeGuard.Refusal(ErrorCode.INTERNAL_ERROR, ErrorResponses.INTERNAL_ERROR_MESSAGE, Map.of()));
    }
  }

  private void refuse(FilterChainContext ctx, HttpRequestPacket request, HandshakeGuard.Refusal refusal) {
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    byte[] body = envelopes.json(refusal.code(), refusal.message(), requestId).getBytes(StandardCharsets.UTF_8);
    RawEnvelopeAnswer.write(ctx, request, envelopes.status(refusal.code()), body, requestId, refusal.headers());
  }

  private static boolean isWebSocketHandshake(HttpRequestPacket request) {
    String upgrade = request.getUpgrade();
    return upgrade != null && upgrade.trim().equalsIgnoreCase(WEBSOCKET);
  }

  private static Map<String, List<String>> headers(HttpRequestPacket request) {
    MimeHeaders mime = request.getHeaders();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : mime.names()) {
      List<String> values = new ArrayList<>();
      mime.values(name).forEach(values::add);
      headers.put(name, values);
    }
    return headers;
  }

  private static Map<String, List<String>> query(HttpRequestPacket request) {
    Parameters parameters = new Parameters();
    parameters.setQuery(request.getQueryStringDC());
    parameters.setQueryStringEncoding(Charsets.UTF8_CHARSET);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : parameters.getParameterNames()) {
      query.put(name, List.of(parameters.getParameterValues(name)));
    }
    return query;
  }
}
