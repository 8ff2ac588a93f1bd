package dev.towerline.server.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/** The path template of the operation that matched a request, as written in openapi.yaml. */
final class RouteTemplates {
  private RouteTemplates() {}

  static Optional<String> of(UriInfo uriInfo) {
    if (!(uriInfo instanceof ExtendedUriInfo extended)) {
      return Optional.empty();
    }
    List<UriTemplate> templates = extended.getMatchedTemplates();
    if (templates.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      route.append(templates.get(i).getTemplate());
    }
    return Optional.of(route.toString().replace("//", "/"));
  }
}
