package dev.towerline.client;

import java.util.Map;

/**
 * One logical call: made once, sent once per attempt.
 *
 * @param operation the spec's operationId, for messages and deprecation notices
 * @param query parameters in order; null values are left out
 * @param body sent as JSON, or null for none
 * @param idempotencyKey sent as {@code Idempotency-Key} on every attempt, or null
 * @param idempotentOperation a repeat is harmless: documented so (cancel), or by nature (a feed ticket)
 * @param accept the media type asked for; JSON but for the contract documents
 */
record Call(
    String operation,
    String method,
    String path,
    Map<String, Object> query,
    Object body,
    String idempotencyKey,
    boolean idempotentOperation,
    String accept) {

  static final String JSON = "application/json";

  Call(String operation, String method, String path, Map<String, Object> query, Object body, String idempotencyKey,
      boolean idempotentOperation) {
    this(operation, method, path, query, body, idempotencyKey, idempotentOperation, JSON);
  }

  static Call get(String operation, String path, Map<String, Object> query) {
    return new Call(operation, "GET", path, query, null, null, false);
  }

  static Call getText(String operation, String path, String accept) {
    return new Call(operation, "GET", path, Map.of(), null, null, false, accept);
  }
}
