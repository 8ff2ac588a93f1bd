package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;

/** No resource matches the path: 404 {@code ROUTE_NOT_FOUND} echoing the path. */
@jakarta.ws.rs.ext.Provider
public final class RouteNotFoundExceptionMapper implements ExceptionMapper<NotFoundException> {

  private final ErrorResponses errors;
  private final Provider<ContainerRequest> request;

  @Inject
  public RouteNotFoundExceptionMapper(ErrorResponses errors, Provider<ContainerRequest> request) {
    this.errors = errors;
    this.request = request;
  }

  @Override
  public Response toResponse(NotFoundException exception) {
    String path = RequestFacts.path(request.get());
    return errors
        .envelope(ErrorCode.ROUTE_NOT_FOUND, "No operation exists at " + path, Map.of("path", path))
        .build();
  }
}
