package dev.towerline.server.audit;

import java.time.Instant;

/** A recorded {@link AuditEvent}: its id (larger for later entries), when it was recorded, and the event with its payload redacted. */
public record AuditEntry(long id, Instant recordedAt, AuditEvent event) {}
