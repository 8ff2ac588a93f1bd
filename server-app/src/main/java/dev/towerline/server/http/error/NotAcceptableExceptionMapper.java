package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * {@code Accept} excludes everything the operation produces: 406 listing what it produces. The
 * envelope itself is JSON regardless, as the contract documents.
 */
@jakarta.ws.rs.ext.Provider
public final class NotAcceptableExceptionMapper implements ExceptionMapper<NotAcceptableException> {

  private final ErrorResponses errors;
  private final Provider<ContainerRequest> request;

  @Inject
  public NotAcceptableExceptionMapper(ErrorResponses errors, Provider<ContainerRequest> request) {
    this.errors = errors;
    this.request = request;
  }

  @Override
  public Response toResponse(NotAcceptableException exception) {
    List<String> produced = RequestFacts.producedTypes(request.get());
    return errors
        .envelope(
            ErrorCode.NOT_ACCEPTABLE,
            "This operation produces " + String.join(", ", produced),
            Map.of("supported", produced))
        .build();
  }
}
