package dev.towerline.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes a value from the JSON rendered for the last equal value with the same key, and renders it
 * with the bean serializer otherwise. Formatting a device (timestamps above all) costs far more than
 * comparing it with the one rendered before, and devices change seconds apart while lists are read
 * thousands of times a second. Equality is the value's own {@code equals}, so a changed value is
 * never written from an older rendering; values must not be changed once they have been written.
 */
final class RenderedJsonSerializer<T> extends StdSerializer<T>
    implements ResolvableSerializer, ContextualSerializer {

  private record Rendered<T>(T value, SerializedString json) {}

  private final JsonSerializer<Object> bean;
  private final Function<T, Object> key;
  private final JsonFactory factory;
  private final Map<Object, Rendered<T>> rendered;

  @SuppressWarnings("unchecked")
  RenderedJsonSerializer(Class<T> type, JsonSerializer<?> bean, Function<T, Object> key, JsonFactory factory) {
    this(type, (JsonSerializer<Object>) bean, key, factory, new ConcurrentHashMap<>());
  }

  private RenderedJsonSerializer(
      Class<T> type,
      JsonSerializer<Object> bean,
      Function<T, Object> key,
      JsonFactory factory,
      Map<Object, Rendered<T>> rendered) {
    super(type);
    this.bean = bean;
    this.key = key;
    this.factory = factory;
    this.rendered = rendered;
  }

  @Override
  public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    Object id = key.apply(value);
    if (id == null || gen instanceof TokenBuffer) {
      // No key to cache under, or a token stream whose reader expects tokens, not raw text.
      bean.serialize(value, gen, provider);
      return;
    }
    Rendered<T> last = rendered.get(id);
    if (last == null || !last.value().equals(value)) {
      last = new Rendered<>(value, render(value, provider));
      rendered.put(id, last);
    }
    gen.writeRawValue(last.json());
  }

  private SerializedString render(T value, SerializerProvider provider) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator alone = factory.createGenerator(bytes)) {
      provider.getConfig().initialize(alone);
      bean.serialize(value, alone, provider);
    }
    SerializedString json = new SerializedString(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    json.asUnquotedUTF8(); // encoded once here, not by the first request that writes it
    return json;
  }

  @Override
  public void resolve(SerializerProvider provider) throws JsonMappingException {
    if (bean instanceof ResolvableSerializer resolvable) {
      resolvable.resolve(provider);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
      throws JsonMappingException {
    JsonSerializer<?> contextual = provider.handlePrimaryContextualization(bean, property);
    return contextual == bean
        ? this
        : new RenderedJsonSerializer<>((Class<T>) handledType(), (JsonSerializer<Object>) contextual, key, factory, rendered);
  }
}
