package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The HTTP status of each {@link ErrorCode}, read from {@code x-error-codes} in the contract's
 * {@code error-code.json}. Codes whose {@code http_status} is {@code null} only appear inside
 * executions and WebSocket frames and have no status here.
 */
public final class ErrorCodeCatalog {

  private static final String EXTENSION = "x-error-codes";

  private final Map<ErrorCode, Integer> httpStatuses;

  private ErrorCodeCatalog(Map<ErrorCode, Integer> httpStatuses) {
    this.httpStatuses = Collections.unmodifiableMap(httpStatuses);
  }

  /**
   * Reads the catalog from the bundled contract.
   *
   * @throws IllegalStateException when {@code x-error-codes} is missing, lacks an entry for a code
   *     of the enum, names a code the enum does not have, or gives an impossible status
   */
  public static ErrorCodeCatalog fromContract(PublishedContract contract) {
    byte[] schema =
        contract
            .schemaFile(PublishedContract.ERROR_CODE_SCHEMA)
            .orElseThrow(
                () -> new IllegalStateException(PublishedContract.ERROR_CODE_SCHEMA + " is not bundled"));
    return parse(schema);
  }

  static ErrorCodeCatalog parse(byte[] errorCodeSchema) {
    JsonNode entries;
    try {
      entries = new ObjectMapper().readTree(errorCodeSchema).path(EXTENSION);
    } catch (IOException e) {
      throw new IllegalStateException(PublishedContract.ERROR_CODE_SCHEMA + " is not valid JSON", e);
    }
    if (!entries.isObject()) {
      throw problem("has no " + EXTENSION + " object");
    }
    Map<ErrorCode, Integer> statuses = new EnumMap<>(ErrorCode.class);
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      ErrorCode code = codeNamed(entry.getKey());
      JsonNode status = entry.getValue().path("http_status");
      if (status.isNull()) {
        continue;
      }
      if (!status.canConvertToInt() || status.asInt() < 400 || status.asInt() > 599) {
        throw problem("gives " + code.value() + " the http_status " + status + ", not a 4xx/5xx status");
      }
      statuses.put(code, status.asInt());
    }
    for (ErrorCode code : ErrorCode.values()) {
      if (!entries.has(code.value())) {
        throw problem("has no " + EXTENSION + " entry for " + code.value());
      }
    }
    return new ErrorCodeCatalog(statuses);
  }

  /** The HTTP status documented for {@code code}; empty for codes that never appear over HTTP. */
  public OptionalInt httpStatus(ErrorCode code) {
    Integer status = httpStatuses.get(code);
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Checks that every code in {@code codes} has an HTTP status, so a server that answers them
   * fails at start-up rather than on the first error.
   *
   * @return this catalog
   * @throws IllegalStateException naming every code without a status
   */
  public ErrorCodeCatalog requireHttpStatuses(Collection<ErrorCode> codes) {
    TreeSet<String> missing = new TreeSet<>();
    for (ErrorCode code : codes) {
      if (!httpStatuses.containsKey(code)) {
        missing.add(code.value());
      }
    }
    if (!missing.isEmpty()) {
      throw problem("gives no http_status to " + missing + ", which this server answers over HTTP");
    }
    return this;
  }

  private static ErrorCode codeNamed(String name) {
    try {
      return ErrorCode.fromValue(name);
    } catch (IllegalArgumentException e) {
      throw problem("lists " + name + ", which is not in the ErrorCode enum");
    }
  }

  private static IllegalStateException problem(String what) {
    return new IllegalStateException(
        PublishedContract.ERROR_CODE_SCHEMA + " " + what);
  }
}
