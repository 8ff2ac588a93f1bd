package dev.towerline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import dev.towerline.protocol.Device;
import dev.towerline.server.json.RenderedJsonModule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.time.OffsetDateTime;

/**
 * Hands Jersey's Jackson provider the server's mapper. A named class on purpose: Jersey cannot see
 * the type argument of a lambda and silently ignores such a resolver.
 */
@Provider
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper;

  /**
   * REST bodies are built per response, so devices in them can be written from their last rendering:
   * a list is then mostly copied bytes, and the list's own timestamp is written without the
   * formatter. The shared mapper stays as it is for everyone else.
   */
  @Inject
  public ObjectMapperResolver(ObjectMapper mapper) {
    this.mapper =
        mapper
            .copy()
            .registerModule(new RenderedJsonModule<>(Device.class, Device::getSerial))
            .registerModule(
                new SimpleModule("utc-timestamps")
                    .addSerializer(OffsetDateTime.class, new UtcTimestampSerializer(OffsetDateTimeSerializer.INSTANCE)));
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
