package dev.towerline.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.towerline.client.generated.model.AuditEntryList;
import dev.towerline.client.generated.model.AuditOutcome;
import dev.towerline.client.generated.model.AuditTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log route, turning the generated list into public {@link AuditEntry} records. */
final class AuditCalls {

  private static final String OPERATION = "listAuditEntries";

  private AuditCalls() {}

  static Page<AuditEntry> list(Transport transport, AuditQuery query) {
    JsonNode page = transport.execute(Call.get(OPERATION, "api/v1/audit", query.parameters()), JsonNode.class);
    // ErrorCode is extensible: a code newer than this SDK must not make the page unreadable, so the
    // codes are taken as text before the generated model (whose field is the enum) reads the rest.
    List<String> errorCodes = new ArrayList<>();
    for (JsonNode entry : page.path("data")) {
      JsonNode outcome = entry.path("outcome");
      errorCodes.add(outcome.path("error_code").textValue());
      if (outcome instanceof ObjectNode fields) {
        fields.remove("error_code");
      }
    }
    AuditEntryList list = read(transport, page);
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.getData().size(); i++) {
      entries.add(entry(list.getData().get(i), errorCodes.get(i)));
    }
    return new Page<>(entries, list.getMetadata() == null ? null : list.getMetadata().getNextPageToken());
  }

  private static AuditEntryList read(Transport transport, JsonNode page) {
    try {
      AuditEntryList list = transport.json().treeToValue(page, AuditEntryList.class);
      if (list.getData() == null) {
        throw new IllegalArgumentException("no data");
      }
      return list;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ServerException(
          new ServerError(200, null, "Answer of " + OPERATION + " is not an AuditEntryList: " + e.getMessage(), Map.of(), null,
              null));
    }
  }

  private static AuditEntry entry(dev.towerline.client.generated.model.AuditEntry entry, String errorCode) {
    AuditTarget target = entry.getTarget() == null ? new AuditTarget() : entry.getTarget();
    return new AuditEntry(
        entry.getId(),
        entry.getRecordedAt(),
        entry.getActor(),
        entry.getRole() == null ? null : entry.getRole().getValue(),
        entry.getClientAddress(),
        entry.getRequestId(),
        entry.getOperation(),
        target.getExecutionId(),
        target.getDeviceSerial(),
        outcome(entry.getOutcome(), errorCode),
        entry.getPayload(),
        entry.getPayloadOmitted() == null ? null : entry.getPayloadOmitted().getValue());
  }

  private static AuditEntry.Outcome outcome(AuditOutcome outcome, String errorCode) {
    if (outcome == null) {
      // Required by the contract; a server that leaves it out has not said how the action ended.
      return new AuditEntry.Outcome(null, null, errorCode);
    }
    return new AuditEntry.Outcome(outcome.getResult() == null ? null : outcome.getResult().getValue(), outcome.getStatus(), errorCode);
  }
}
