package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.RequestIds;
import dev.towerline.server.http.error.ErrorResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Note;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a {@link RequestGuard} about every request once its head (and body) has arrived, before
 * Tyrus or Jersey sees it; a refusal gets a complete HTTP answer with the envelope and the
 * connection closes once it is written. Grizzly's codec has already put an absolute-form request
 * target's authority into {@code Host}, so the guard judges the name the request was really sent
 * to. After an upgrade the codec hands the WebSocket's bytes on with the same request, so each
 * request is checked once.
 */
final class RequestGuardFilter extends BaseFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);
  /**
   * The connection a request was checked on. Grizzly reuses request packets with their notes, across
   * connections too: the mark is taken off with a request's last chunk, and an upgraded request,
   * whose WebSocket bytes keep coming with it, counts as checked only on its own connection.
   */
  private static final Note<Connection<?>> CHECKED_ON = HttpRequestPacket.createNote("dev.towerline.request-guard.checked-on");
  private static final String WEBSOCKET = "websocket";

  private final RequestGuard guard;
  private final EnvelopeWriter envelopes;

  RequestGuardFilter(RequestGuard guard, EnvelopeWriter envelopes) {
    this.guard = guard;
    this.envelopes = envelopes;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    Connection<?> connection = ctx.getConnection();
    if (request.getNote(CHECKED_ON) != connection) {
      Optional<RequestGuard.Refusal> refusal = check(request, clientAddress(ctx));
      if (refusal.isPresent()) {
        refuse(ctx, request, refusal.get());
        content.recycle();
        return ctx.getStopAction();
      }
      request.setNote(CHECKED_ON, connection);
    }
    if (content.isLast() && !request.isUpgrade()) {
      request.setNote(CHECKED_ON, null);
    }
    return ctx.getInvokeAction();
  }

  private Optional<RequestGuard.Refusal> check(HttpRequestPacket request, String clientAddress) {
    RequestGuard.RequestHead head =
        new RequestGuard.RequestHead(
            request.getMethod().getMethodString(),
            request.getRequestURI(),
            isWebSocketHandshake(request),
            request.getHeader(Header.Host),
            request.getHeader("Origin"),
            clientAddress);
    try {
      return guard.check(head);
    } catch (RuntimeException e) {
      // A broken guard must not let everything through.
      log.error("The request guard failed on {} {}; refusing the request", head.method(), head.path(), e);
      return Optional.of(new RequestGuard.Refusal(ErrorCode.INTERNAL_ERROR, ErrorResponses.INTERNAL_ERROR_MESSAGE, Map.of(), Map.of()));
    }
  }

  private void refuse(FilterChainContext ctx, HttpRequestPacket request, RequestGuard.Refusal refusal) {
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    byte[] body = envelopes.json(refusal.code(), refusal.message(), refusal.details(), requestId).getBytes(StandardCharsets.UTF_8);
    RawEnvelopeAnswer.write(ctx, request, envelopes.status(refusal.code()), body, requestId, refusal.headers());
  }

  private static boolean isWebSocketHandshake(HttpRequestPacket request) {
    String upgrade = request.getUpgrade();
    return upgrade != null && upgrade.trim().equalsIgnoreCase(WEBSOCKET);
  }

  private static String clientAddress(FilterChainContext ctx) {
    return ctx.getConnection().getPeerAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
        ? peer.getAddress().getHostAddress()
        : "";
  }
}
