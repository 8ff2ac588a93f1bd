package dev.towerline.server.http.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.api.AuditApi;
import dev.towerline.server.audit.AuditEntry;
import dev.towerline.server.audit.AuditEvent;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.audit.AuditQuery;
import dev.towerline.server.audit.AuditUnavailableException;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.listing.Page;
import dev.towerline.server.model.AuditEntryList;
import dev.towerline.server.model.AuditOutcome;
import dev.towerline.server.model.AuditTarget;
import dev.towerline.server.model.ListMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code GET /api/v1/audit}: the {@link AuditLog} read newest first, translated to the contract's shapes. */
@Singleton
public final class AuditResource implements AuditApi {
  private final AuditLog auditLog;
  private final ObjectMapper json;
  private final Clock clock;
  private final int defaultPageSize;

  /** Parameters reach this class already checked against openapi.yaml; defaults come from it too. */
  @Inject
  public AuditResource(AuditLog auditLog, ObjectMapper json, Clock clock, RequestContract contract) {
    this.auditLog = auditLog;
    this.json = json;
    this.clock = clock;
    this.defaultPageSize = contract.require("listAuditEntries").parameterDefault("query", "page_size").asInt();
  }

  @Override
  public Response listAuditEntries(
      Integer pageSize, String pageToken, String actor, String operation, OffsetDateTime since, OffsetDateTime until) {
    AuditQuery query = new AuditQuery(actor, operation, instant(since), instant(until));
    Page<AuditEntry> page;
    try {
      page = auditLog.list(query, pageSize == null ? defaultPageSize : pageSize, pageToken);
    } catch (AuditUnavailableException e) {
      throw new ApiException(ErrorCode.DATABASE_UNAVAILABLE, "The audit log is not available: the database cannot be reached");
    }
    AuditEntryList body =
        AuditEntryList.builder()
            .data(page.items().stream().map(this::toContract).toList())
            .metadata(ListMetadata.builder().pageSize(page.pageSize()).nextPageToken(page.nextPageToken().orElse(null)).build())
            .timestamp(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .build();
    return Response.ok(body).build();
  }

  private dev.towerline.server.model.AuditEntry toContract(AuditEntry entry) {
    AuditEvent event = entry.event();
    dev.towerline.server.model.AuditEntry contract =
        dev.towerline.server.model.AuditEntry.builder()
            .id(Long.toString(entry.id()))
            .recordedAt(OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
            .actor(event.actor())
            .role(event.role() == null ? null : dev.towerline.server.model.AuditEntry.RoleEnum.fromValue(event.role().contractName()))
            .clientAddress(event.clientAddress())
            .requestId(event.requestId())
            .operation(event.operation())
            .outcome(
                AuditOutcome.builder()
                    .result(AuditOutcome.ResultEnum.fromValue(event.outcome().result().contractName()))
                    .status(event.outcome().status())
                    .errorCode(event.outcome().errorCode())
                    .build())
            .payload(event.payload() == null ? null : json.convertValue(event.payload(), Object.class))
            .payloadOmitted(
                event.payloadOmitted() == null
                    ? null
                    : dev.towerline.server.model.AuditEntry.PayloadOmittedEnum.fromValue(event.payloadOmitted().contractName()))
            .build();
    if (event.target().executionId() != null || event.target().deviceSerial() != null) {
      contract.setTarget(
          AuditTarget.builder().executionId(event.target().executionId()).deviceSerial(event.target().deviceSerial()).build());
    }
    return contract;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
