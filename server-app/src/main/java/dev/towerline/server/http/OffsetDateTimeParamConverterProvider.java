package dev.towerline.server.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads RFC 3339 date-time query values ({@code created_after=2026-11-22T10:00:00Z}). */
@Provider
public final class OffsetDateTimeParamConverterProvider implements ParamConverterProvider {

  private static final ParamConverter<OffsetDateTime> CONVERTER =
      new ParamConverter<>() {
        @Override
        public OffsetDateTime fromString(String value) {
          if (value == null) {
            return null; // an absent parameter without a default
          }
          try {
            return OffsetDateTime.parse(value);
          } catch (DateTimeParseException e) {
            throw new InvalidParameterValueException(
                "must be an RFC 3339 date-time such as 2026-11-22T10:15:30Z");
          }
        }

        @Override
        public String toString(OffsetDateTime value) {
          return value.toString();
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    return rawType == OffsetDateTime.class ? (ParamConverter<T>) CONVERTER : null;
  }
}
