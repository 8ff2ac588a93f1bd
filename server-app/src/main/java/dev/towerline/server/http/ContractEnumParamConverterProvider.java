package dev.towerline.server.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Converts query values to the contract's enums by their wire value ({@code in-maintenance}), not
 * their Java name: every generated enum has a static {@code fromValue(String)} and a {@code
 * value()}. Without this Jersey falls back to {@code valueOf} and a valid value is refused.
 */
@Provider
public final class ContractEnumParamConverterProvider implements ParamConverterProvider {

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (!rawType.isEnum()) {
      return null;
    }
    Method fromValue = staticFromValue(rawType);
    return fromValue == null ? null : new WireValueConverter<>(rawType, fromValue);
  }

  private static Method staticFromValue(Class<?> type) {
    try {
      Method method = type.getMethod("fromValue", String.class);
      boolean usable = Modifier.isStatic(method.getModifiers()) && method.getReturnType() == type;
      return usable ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static final class WireValueConverter<T> implements ParamConverter<T> {
    private final Class<T> type;
    private final Method fromValue;
    private final String accepted;

    WireValueConverter(Class<T> type, Method fromValue) {
      this.type = type;
      this.fromValue = fromValue;
      this.accepted =
          Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }

    @Override
    public T fromString(String value) {
      if (value == null) {
        return null; // Jersey asks for the value of an absent parameter without a default.
      }
      try {
        return type.cast(fromValue.invoke(null, value));
      } catch (InvocationTargetException e) {
        throw new InvalidParameterValueException("must be one of " + accepted);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("fromValue of " + type.getName() + " is not accessible", e);
      }
    }

    @Override
    public String toString(T value) {
      return value.toString();
    }
  }
}
