package dev.towerline.server.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The path template of the operation that matched a request, as written in openapi.yaml. Joined
 * once per resource method: the access log and the deprecation headers ask for it on every request.
 */
final class RouteTemplates {
  /** Resource methods are built with the application; the bound only guards against surprises. */
  private static final int MAX_REMEMBERED = 1024;

  private static final Map<ResourceMethod, String> BY_METHOD = new ConcurrentHashMap<>();

  private RouteTemplates() {}

  static Optional<String> of(UriInfo uriInfo) {
    if (!(uriInfo instanceof ExtendedUriInfo extended)) {
      return Optional.empty();
    }
    ResourceMethod method = extended.getMatchedResourceMethod();
    String remembered = method == null ? null : BY_METHOD.get(method);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    Optional<String> route = joined(extended.getMatchedTemplates());
    if (method != null && route.isPresent() && BY_METHOD.size() < MAX_REMEMBERED) {
      BY_METHOD.put(method, route.get());
    }
    return route;
  }

  private static Optional<String> joined(List<UriTemplate> templates) {
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
