package dev.towerline.server.edge.cors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Puts the {@link CorsResponseHeaders} on every answer Jersey gives. */
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsResponseFilter implements ContainerResponseFilter {

  private static final String VARY = "Vary";

  private final CorsResponseHeaders cors;

  @Inject
  public CorsResponseFilter(CorsResponseHeaders cors) {
    this.cors = cors;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    cors.apply(
        request::getHeaderString,
        new CorsResponseHeaders.Sink() {
          @Override
          public void addVary(String token) {
            if (!varies(headers.get(VARY), token)) {
              headers.add(VARY, token);
            }
          }

          @Override
          public void put(String name, String value) {
            headers.putSingle(name, value);
          }
        });
  }

  private static boolean varies(List<Object> vary, String token) {
    return vary != null
        && vary.stream().anyMatch(value -> List.of(value.toString().split(",")).stream().anyMatch(v -> v.trim().equalsIgnoreCase(token)));
  }
}
