package dev.towerline.client;

import dev.towerline.protocol.ErrorCode;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the server's audit log ({@link TowerlineClient#listAuditEntries(AuditQuery)}): a
 * write or admin action, who made it, from where, and how it ended. Refused requests (401, 403,
 * 422, 429) are recorded too.
 *
 * <pre>{@code
 * towerline.streamAuditEntries(AuditQuery.all().withOperation("createExecution"))
 *     .filter(entry -> !entry.outcome().succeeded())
 *     .forEach(entry -> log.info("{} {} {}", entry.actor(), entry.outcome().errorCode(), entry.payloadField("command")));
 * }</pre>
 *
 * @param id opaque; later entries sort before earlier ones
 * @param recordedAt when the server recorded the action (before it answered)
 * @param actor the name of the token that made the request, or {@code anonymous}
 * @param role {@code viewer}, {@code operator} or {@code admin}; null when the request was not
 *     authenticated
 * @param clientAddress the IP address the request came from; null for actions outside HTTP
 * @param requestId the request's {@code X-Request-Id}; null for actions outside HTTP
 * @param operation the {@code operationId} called (e.g. {@code createExecution}) or an admin action
 * @param executionId the execution it was about; null when none or not known (a refused create)
 * @param deviceSerial the device it was about; null when none or not known
 * @param payload the request body as received, secrets replaced by {@code [redacted]}, as plain
 *     Java values ({@code Map<String, Object>} for an object, {@code List}, {@code String}, {@code
 *     Number}, {@code Boolean}); null when there was no body or see {@code payloadOmitted}
 * @param payloadOmitted why a body that was sent is not recorded ({@code not_json}, {@code
 *     too_large}); null otherwise
 */
public record AuditEntry(
    String id,
    OffsetDateTime recordedAt,
    String actor,
    String role,
    String clientAddress,
    String requestId,
    String operation,
    String executionId,
    String deviceSerial,
    Outcome outcome,
    Object payload,
    String payloadOmitted) {

  /** A top-level field of an object {@link #payload()}, e.g. {@code command}; empty otherwise. */
  public Optional<Object> payloadField(String name) {
    return payload instanceof Map<?, ?> fields ? Optional.ofNullable(fields.get(name)) : Optional.empty();
  }

  /**
   * How the action ended.
   *
   * @param result {@code succeeded} (2xx), {@code refused} (4xx: the caller's request or rights),
   *     {@code failed} (5xx, or an admin action that did not complete)
   * @param httpStatus the status answered; null for actions outside HTTP
   * @param errorCode the envelope's {@code error.code} as sent, also when this SDK does not know
   *     it; null when it succeeded
   */
  public record Outcome(String result, Integer httpStatus, String errorCode) {
    public boolean succeeded() {
      return "succeeded".equals(result);
    }

    /** The code as the spec's enum, empty when it succeeded or for a code newer than this SDK. */
    public Optional<ErrorCode> knownErrorCode() {
      return ErrorCodes.parse(errorCode);
    }
  }
}
