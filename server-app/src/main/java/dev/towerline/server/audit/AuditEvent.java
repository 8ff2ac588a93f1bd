package dev.towerline.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.auth.Role;
import java.util.Objects;

/**
 * An action to record: who, from where, what, on what, how it ended, with what payload.
 *
 * @param role null when the caller was not authenticated
 * @param clientAddress null for actions outside HTTP
 * @param requestId null for actions outside HTTP
 * @param operation the operationId, or the name of an admin action outside HTTP ({@code reloadTokens})
 * @param target what the action was about; {@link AuditTarget#NONE} when nothing in particular
 * @param payload the request body or the action's parameters, unredacted (the log redacts it); null when none
 * @param payloadOmitted why a payload that was sent is not recorded; null when it is, or when there was none
 */
public record AuditEvent(
    String actor,
    Role role,
    String clientAddress,
    String requestId,
    String operation,
    AuditTarget target,
    AuditOutcome outcome,
    JsonNode payload,
    PayloadOmission payloadOmitted) {

  /** Why a payload is not recorded. */
  public enum PayloadOmission {
    /** The body was not JSON: it cannot be redacted field by field, so none of it is kept. */
    NOT_JSON,
    /** The body was larger than the server reads. */
    TOO_LARGE;

    public String contractName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
  }
}
