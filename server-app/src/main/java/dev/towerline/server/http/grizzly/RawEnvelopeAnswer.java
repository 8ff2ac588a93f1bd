package dev.towerline.server.http.grizzly;

import dev.towerline.server.http.RequestIds;
import java.util.Map;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers a request from inside the Grizzly filter chain, before Tyrus or Jersey see it, with an
 * error envelope as a plain HTTP/1.1 response, then closes the connection.
 */
final class RawEnvelopeAnswer {
  private static final int TOO_MANY_REQUESTS = 429;

  private RawEnvelopeAnswer() {}

  static void write(
      FilterChainContext ctx, HttpRequestPacket request, int status, byte[] body, String requestId, Map<String, String> headers) {
    // Grizzly frames the answer to an upgrade request as raw bytes; this one is a plain HTTP answer.
    request.setIgnoreContentModifiers(false);
    HttpResponsePacket response = request.getResponse();
    response.setProtocol(Protocol.HTTP_1_1);
    response.setStatus(status);
    if (status == TOO_MANY_REQUESTS) {
      // Grizzly's status table predates RFC 6585 and would write "429 CUSTOM".
      response.setReasonPhrase("Too Many Requests");
    }
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.setHeader(RequestIds.HEADER, requestId);
    headers.forEach(response::setHeader);
    response.setHeader(Header.Connection, "close");
    HttpContent answer =
        HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build();
    ctx.write(answer, CloseAfterWrite.of(ctx.getConnection()));
  }
}
