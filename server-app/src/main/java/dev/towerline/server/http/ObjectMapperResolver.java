package dev.towerline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands Jersey's Jackson provider the server's mapper. A named class on purpose: Jersey cannot see
 * the type argument of a lambda and silently ignores such a resolver.
 */
@Provider
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper;

  @Inject
  public ObjectMapperResolver(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
