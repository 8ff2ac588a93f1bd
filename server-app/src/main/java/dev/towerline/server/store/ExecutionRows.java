package dev.towerline.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.executions.ExecutionError;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.IdempotencyKey;
import java.util.Map;

/** Converts between {@link ExecutionRecord} and its row; error details travel as JSON text. */
final class ExecutionRows {
  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};
  private static final int MAX_MESSAGE = 2000;
  private static final int MAX_DETAILS = 8000;

  private final ObjectMapper json = new ObjectMapper();

  ExecutionRecord toRecord(ExecutionEntity row) {
    ExecutionError error = null;
    if (row.errorCode != null) {
      error = new ExecutionError(ErrorCode.fromValue(row.errorCode), row.errorMessage, details(row.errorDetails));
    }
    return new ExecutionRecord(
        row.id, row.deviceSerial, row.command, row.timeoutSeconds, ExecutionStatus.fromValue(row.status), row.exitCode,
        row.createdAt, row.startedAt, row.finishedAt, row.outputBytes, row.outputTruncated, row.availableFrom, error);
  }

  IdempotencyKey keyOf(ExecutionEntity row) {
    return new IdempotencyKey(row.idempotencyKey, row.requestFingerprint, row.keyExpiresAt);
  }

  ExecutionEntity newRow(ExecutionRecord record) {
    ExecutionEntity row = new ExecutionEntity();
    row.id = record.id();
    row.deviceSerial = record.deviceSerial();
    row.command = record.command();
    row.timeoutSeconds = record.timeoutSeconds();
    row.createdAt = record.createdAt();
    apply(record, row);
    return row;
  }

  /** Copies what may change (status, times, exit code, output counters, error) onto {@code row}. */
  void apply(ExecutionRecord record, ExecutionEntity row) {
    row.status = record.status().value();
    row.exitCode = record.exitCode();
    row.startedAt = record.startedAt();
    row.finishedAt = record.finishedAt();
    row.outputBytes = record.outputBytes();
    row.outputTruncated = record.outputTruncated();
    row.availableFrom = record.availableFrom();
    ExecutionError error = record.error();
    row.errorCode = error == null ? null : error.code().value();
    row.errorMessage = error == null ? null : clip(error.message(), MAX_MESSAGE);
    row.errorDetails = error == null || error.details().isEmpty() ? null : detailsText(error.details());
  }

  private String detailsText(Map<String, Object> details) {
    try {
      String text = json.writeValueAsString(details);
      // Details are context, not data: better a clipped cause than a failed write.
      return text.length() <= MAX_DETAILS ? text : json.writeValueAsString(Map.of("clipped", true));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private Map<String, Object> details(String text) {
    if (text == null || text.isEmpty()) {
      return Map.of();
    }
    try {
      return json.readValue(text, DETAILS);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
