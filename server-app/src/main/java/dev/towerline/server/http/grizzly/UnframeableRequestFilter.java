package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Refuses, with a 400 envelope and a close, requests whose end the server cannot tell or that turn
 * the connection into something else: {@code Content-Length} together with {@code
 * Transfer-Encoding} (ambiguous framing, RFC 9112 §6.1: the classic request-smuggling shape), a
 * {@code Transfer-Encoding} other than {@code chunked} (the body's end cannot be known),
 * {@code CONNECT} (this server is no proxy) and the HTTP/2 connection preface {@code PRI *
 * HTTP/2.0} and any request line naming a version other than HTTP/1.1 or HTTP/1.0 (the server speaks
 * HTTP/1.1 only). Grizzly reads the body of the last two as an endless
 * stream, so without this they would hold their connection until it timed out.
 */
final class UnframeableRequestFilter extends BaseFilter {

  private static final String CHUNKED = "chunked";

  private final RequestReadDeadlines deadlines;
  private final EnvelopeWriter envelopes;

  UnframeableRequestFilter(RequestReadDeadlines deadlines, EnvelopeWriter envelopes) {
    this.deadlines = deadlines;
    this.envelopes = envelopes;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    Optional<Refusal> refusal = request.isUpgrade() ? protocolRefusal(request) : refusalOf(request);
    if (refusal.isEmpty()) {
      return ctx.getInvokeAction();
    }
    deadlines.of(ctx.getConnection()).closed();
    byte[] answer =
        envelopes.closingAnswer(
            ErrorCode.INVALID_PARAMETER, refusal.get().message(), Map.of("parameter", refusal.get().parameter()), Map.of());
    ctx.write(Buffers.wrap(ctx.getMemoryManager(), answer), CloseAfterWrite.of(ctx.getConnection()));
    content.recycle();
    return ctx.getStopAction();
  }

  /** Grizzly takes any {@code HTTP/x.y} in a request line and answers in kind; the server speaks 1.0 and 1.1. */
  private static Optional<Refusal> protocolRefusal(HttpRequestPacket request) {
    Protocol protocol = request.getProtocol();
    if (protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0) {
      return Optional.empty();
    }
    return Optional.of(new Refusal("protocol", "HTTP/1.1 (or HTTP/1.0) is the only protocol version this server speaks"));
  }

  private static Optional<Refusal> refusalOf(HttpRequestPacket request) {
    Method method = request.getMethod();
    if (Method.CONNECT.equals(method)) {
      return Optional.of(new Refusal("method", "CONNECT is not supported: this server is not a proxy"));
    }
    if (Method.PRI.equals(method)) {
      return Optional.of(new Refusal("method", "HTTP/2 is not supported: use HTTP/1.1"));
    }
    Optional<Refusal> protocol = protocolRefusal(request);
    if (protocol.isPresent()) {
      return protocol;
    }
    String transferEncoding = request.getHeaders().getHeader(Header.TransferEncoding);
    if (transferEncoding == null) {
      return Optional.empty();
    }
    if (hasContentLength(request)) {
      return Optional.of(
          new Refusal(
              "Transfer-Encoding",
              "Content-Length and Transfer-Encoding together make the body's length ambiguous: send one of them"));
    }
    if (!CHUNKED.equalsIgnoreCase(transferEncoding.trim())) {
      // RFC 9112 §6.3: without chunked as the final coding the body's end is unknown; the codec
      // only decodes a plain "chunked".
      return Optional.of(new Refusal("Transfer-Encoding", "Transfer-Encoding must be chunked, the only coding this server reads"));
    }
    return Optional.empty();
  }

  private static boolean hasContentLength(HttpRequestPacket request) {
    return request.getHeaders().getHeader(Header.ContentLength) != null
        || RawRequestHead.hasContentLengthBeforeTransferEncoding(request);
  }

  private record Refusal(String parameter, String message) {}
}
