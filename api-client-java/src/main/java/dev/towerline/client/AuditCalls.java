package dev.towerline.client;

import dev.towerline.client.generated.model.AuditEntryList;
import dev.towerline.client.generated.model.AuditOutcome;
import dev.towerline.client.generated.model.AuditTarget;
import java.util.List;

/** The audit log route, turning the generated list into public {@link AuditEntry} records. */
final class AuditCalls {

  private AuditCalls() {}

  static Page<AuditEntry> list(Transport transport, AuditQuery query) {
    AuditEntryList list =
        transport.execute(Call.get("listAuditEntries", "api/v1/audit", query.parameters()), AuditEntryList.class);
    List<AuditEntry> entries = list.getData() == null ? List.of() : list.getData().stream().map(AuditCalls::entry).toList();
    return new Page<>(entries, list.getMetadata() == null ? null : list.getMetadata().getNextPageToken());
  }

  private static AuditEntry entry(dev.towerline.client.generated.model.AuditEntry entry) {
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
        outcome(entry.getOutcome()),
        entry.getPayload(),
        entry.getPayloadOmitted() == null ? null : entry.getPayloadOmitted().getValue());
  }

  private static AuditEntry.Outcome outcome(AuditOutcome outcome) {
    if (outcome == null) {
      // Required by the contract; a server that leaves it out has not said how the action ended.
      return new AuditEntry.Outcome(null, null, null);
    }
    return new AuditEntry.Outcome(
        outcome.getResult() == null ? null : outcome.getResult().getValue(), outcome.getStatus(), outcome.getErrorCode());
  }
}
