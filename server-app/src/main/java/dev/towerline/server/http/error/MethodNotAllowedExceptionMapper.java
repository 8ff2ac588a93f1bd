package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.glassfish.jersey.server.ContainerRequest;

/** The path exists but not with this method: 405 with {@code Allow} and {@code details.allowed}. */
@jakarta.ws.rs.ext.Provider
public final class MethodNotAllowedExceptionMapper implements ExceptionMapper<NotAllowedException> {

  private final ErrorResponses errors;
  private final Provider<ContainerRequest> request;

  @Inject
  public MethodNotAllowedExceptionMapper(
      ErrorResponses errors, Provider<ContainerRequest> request) {
    this.errors = errors;
    this.request = request;
  }

  @Override
  public Response toResponse(NotAllowedException exception) {
    List<String> allowed = List.copyOf(new TreeSet<>(exception.getResponse().getAllowedMethods()));
    ContainerRequest current = request.get();
    String message =
        current.getMethod()
            + " is not allowed on "
            + RequestFacts.path(current)
            + "; allowed: "
            + String.join(", ", allowed);
    return errors
        .envelope(ErrorCode.METHOD_NOT_ALLOWED, message, Map.of("allowed", allowed))
        .header(HttpHeaders.ALLOW, String.join(", ", allowed))
        .build();
  }
}
