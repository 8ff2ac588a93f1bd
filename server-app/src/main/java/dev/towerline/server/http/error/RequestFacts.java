package dev.towerline.server.http.error;

import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

/** What an error message may safely say about the request that failed. */
final class RequestFacts {

  private RequestFacts() {}

  /** The request path as sent, without the query. */
  static String path(ContainerRequest request) {
    return request.getRequestUri().getRawPath();
  }

  /** Media types the operations at the matched path consume for this request's method. */
  static List<String> consumedTypes(ContainerRequest request) {
    return mediaTypes(request, ResourceMethod::getConsumedTypes);
  }

  /** Media types the operations at the matched path produce for this request's method. */
  static List<String> producedTypes(ContainerRequest request) {
    return mediaTypes(request, ResourceMethod::getProducedTypes);
  }

  private static List<String> mediaTypes(
      ContainerRequest request, Function<ResourceMethod, Collection<MediaType>> types) {
    TreeSet<String> found = new TreeSet<>();
    List<RuntimeResource> matched = request.getUriInfo().getMatchedRuntimeResources();
    if (!matched.isEmpty()) {
      for (ResourceMethod method : matched.get(0).getResourceMethods()) {
        if (method.getHttpMethod().equals(request.getMethod())) {
          types.apply(method).forEach(type -> found.add(type.toString()));
        }
      }
    }
    // Every operation of the contract that takes or gives a body speaks JSON.
    return found.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : List.copyOf(found);
  }
}
