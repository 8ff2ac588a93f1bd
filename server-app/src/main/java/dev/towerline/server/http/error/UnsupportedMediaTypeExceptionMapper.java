package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;

/** The body's Content-Type is not one the operation reads: 415 listing the supported ones. */
@jakarta.ws.rs.ext.Provider
public final class UnsupportedMediaTypeExceptionMapper
    implements ExceptionMapper<NotSupportedException> {

  private final ErrorResponses errors;
  private final Provider<ContainerRequest> request;

  @Inject
  public UnsupportedMediaTypeExceptionMapper(
      ErrorResponses errors, Provider<ContainerRequest> request) {
    this.errors = errors;
    this.request = request;
  }

  @Override
  public Response toResponse(NotSupportedException exception) {
    ContainerRequest current = request.get();
    String contentType = current.getMediaType() == null ? "(none)" : current.getMediaType().toString();
    return errors
        .envelope(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "Content-Type " + contentType + " is not supported",
            Map.of("supported", RequestFacts.consumedTypes(current)))
        .build();
  }
}
