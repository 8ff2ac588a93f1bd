package dev.towerline.server.http;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Refuses bodies over the limit with 413 before anything parses them, whether the client sent a
 * {@code Content-Length} or a chunked body: at most limit + 1 bytes are ever read.
 */
@PreMatching
@Priority(RequestBodyLimitFilter.PRIORITY)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {
  static final int PRIORITY = AccessLogFilter.PRIORITY + 100;

  private final int maxBytes;

  public RequestBodyLimitFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > maxBytes) {
      throw tooLarge();
    }
    if (!request.hasEntity()) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] read = body.readNBytes(maxBytes + 1);
    if (read.length > maxBytes) {
      throw tooLarge();
    }
    request.setEntityStream(new ByteArrayInputStream(read));
  }

  private ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Request body exceeds " + maxBytes + " bytes",
        Map.of("max_bytes", maxBytes));
  }
}
