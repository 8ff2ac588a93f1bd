package dev.towerline.server.edge;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URI;

/**
 * Builds {@code Location} from {@code PUBLIC_BASE_URL} (behind a proxy the request's own scheme and
 * host are the proxy's side of the connection): the base URL followed by the location's path and
 * query. Without it, Jersey makes relative locations absolute from the request's {@code Host},
 * which the edge has already checked against the allowed names.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class PublicLocationFilter implements ContainerResponseFilter {

  private final URI publicBaseUrl;

  public PublicLocationFilter(URI publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    URI location = response.getLocation();
    if (location == null) {
      return;
    }
    String pathAndQuery = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    response.getHeaders().putSingle("Location", URI.create(publicBaseUrl.toString() + pathAndQuery));
  }
}
