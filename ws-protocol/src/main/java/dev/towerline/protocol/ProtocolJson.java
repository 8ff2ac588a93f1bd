package dev.towerline.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** A mapper that ignores fields it does not know, as clients of a growing contract should. */
  public static ObjectMapper lenientMapper() {
    return builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
