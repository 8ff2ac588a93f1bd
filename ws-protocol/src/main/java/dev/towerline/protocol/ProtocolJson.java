package dev.towerline.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings the contract needs: RFC 3339 timestamps written as text with their offset
 * kept, absent fields left out rather than written as {@code null}. Use one mapper per component;
 * it is thread-safe once built.
 */
public final class ProtocolJson {
  private ProtocolJson() {}

  /**
   * A mapper that ignores fields it does not know, as clients of a growing contract should, and
   * reads an error code it does not know as {@code null} (see {@link #extensibleEnums()}).
   */
  public static ObjectMapper lenientMapper() {
    return builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(extensibleEnums()).build();
  }

  /**
   * Reads the enums the contract marks {@code x-extensible-enum} — {@link ErrorCode}: a server
   * newer than these types may send codes they do not know — as {@code null} when the value is
   * unknown, instead of failing the whole frame or answer; the object's message and details still
   * say what happened. Other enums stay strict: adding a value to them is a breaking change.
   */
  public static Module extensibleEnums() {
    return new SimpleModule("towerline-extensible-enums").addDeserializer(ErrorCode.class, new LenientErrorCode());
  }

  private static final class LenientErrorCode extends StdScalarDeserializer<ErrorCode> {
    private static final long serialVersionUID = 1L;

    LenientErrorCode() {
      super(ErrorCode.class);
    }

    @Override
    public ErrorCode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = parser.getValueAsString();
      for (ErrorCode code : ErrorCode.values()) {
        if (code.value().equals(value)) {
          return code;
        }
      }
      return null;
    }
  }

  /** A mapper that fails on fields it does not know: for tests that prove types match the contract. */
  public static ObjectMapper strictMapper() {
    return builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  private static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
