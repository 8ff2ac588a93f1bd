package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ErrorCode enum and its {@code x-error-codes} table from schemas/error-code.json. */
public final class ErrorCodes {
  /** Where the codes and their HTTP statuses are defined, relative to the contract's base. */
  public static final String FILE = "schemas/error-code.json";

  private final Map<String, JsonNode> table = new LinkedHashMap<>();

  private ErrorCodes() {}

  /** Reads the enum and its table from the contract of {@code ctx}; empty when the file is missing. */
  public static ErrorCodes read(CheckContext ctx) {
    ErrorCodes codes = new ErrorCodes();
    if (!ctx.documents().exists(FILE)) {
      return codes;
    }
    JsonNode file = ctx.documents().read(FILE);
    file.path("enum").forEach(code -> codes.table.put(code.asText(), file.path("x-error-codes").path(code.asText())));
    return codes;
  }

  /** Whether {@code code} is a value of the ErrorCode enum. */
  public boolean contains(String code) {
    return table.containsKey(code);
  }

  /** The documented HTTP status, or null for codes that only appear in executions or frames. */
  public Integer httpStatus(String code) {
    JsonNode entry = table.get(code);
    JsonNode status = entry == null ? null : entry.get("http_status");
    return status != null && status.isInt() ? status.asInt() : null;
  }
}
