package dev.towerline.server.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.util.function.Function;

/**
 * Makes a mapper write values of one type from their last rendering (see {@link
 * RenderedJsonSerializer}). For mappers whose values are built per response and not changed after
 * being written, like the REST bodies.
 */
public final class RenderedJsonModule<T> extends SimpleModule {
  private static final long serialVersionUID = 1L;

  private final transient Class<T> type;
  private final transient Function<T, Object> key;

  /**
   * @param type the values to write from their last rendering
   * @param key what identifies a value across versions (a device's serial); {@code null} for a
   *     value that is always rendered afresh
   */
  public RenderedJsonModule(Class<T> type, Function<T, Object> key) {
    super("rendered-json-" + type.getSimpleName());
    this.type = type;
    this.key = key;
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    ObjectMapper owner = context.getOwner();
    context.addBeanSerializerModifier(
        new BeanSerializerModifier() {
          @Override
          public JsonSerializer<?> modifySerializer(
              SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
            return description.getBeanClass() == type
                ? new RenderedJsonSerializer<>(type, serializer, key, owner.getFactory())
                : serializer;
          }
        });
  }
}
