package dev.towerline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Execution;
import dev.towerline.server.audit.AuditEvent;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.audit.AuditOutcome;
import dev.towerline.server.audit.AuditTarget;
import dev.towerline.server.audit.AuditUnavailableException;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.WrittenWithInsert;
import dev.towerline.server.json.StrictJsonReader;
import dev.towerline.server.model.ErrorEnvelope;
import dev.towerline.spec.ContractDocuments;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every call of an audited operation (every write) in the {@link AuditLog}, whatever its
 * outcome — refusals by authentication, rate limits, validation or the command policy included —
 * before the response is written. The body is kept as it arrives (after the size limit, before
 * anything can refuse the request) so that a refused write is recorded with its payload too. A
 * create-execution request that creates one has its entry inserted with the execution, in the same
 * transaction ({@link AuditedCreation}), so its 201 waits for one commit instead of two.
 */
@PreMatching
@Priority(AuditFilter.PRIORITY)
public final class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Right after the body limit: the body is bounded, and no other filter has refused yet. */
  static final int PRIORITY = RequestBodyLimitFilter.PRIORITY + 10;

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final String OPERATION = AuditFilter.class.getName() + ".operation";
  private static final String BODY = AuditFilter.class.getName() + ".body";
  private static final String CREATION = AuditFilter.class.getName() + ".creation";
  private static final String CREATE_EXECUTION = "createExecution";
  private static final int CREATED = 201;
  private static final int PAYLOAD_TOO_LARGE = 413;
  private static final int UNAUTHENTICATED = 401;

  private final AuditLog auditLog;
  private final Provider<Request> connection;
  private final AuditedOperations operations = AuditedOperations.fromContract(ContractDocuments.bundled());
  private final StrictJsonReader reader = new StrictJsonReader();

  @Inject
  public AuditFilter(AuditLog auditLog, Provider<Request> connection) {
    this.auditLog = auditLog;
    this.connection = connection;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Optional<AuditedOperations.Match> operation = operations.match(request.getMethod(), request.getUriInfo().getPath());
    if (operation.isEmpty()) {
      return;
    }
    request.setProperty(OPERATION, operation.get());
    if (operation.get().operationId().equals(CREATE_EXECUTION)) {
      request.setProperty(CREATION, new AuditedCreation(auditLog, execution -> createdEvent(request, operation.get(), execution)));
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setProperty(BODY, body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // A filter before this one may have refused the request: match it here then.
    Optional<AuditedOperations.Match> operation =
        request.getProperty(OPERATION) instanceof AuditedOperations.Match match
            ? Optional.of(match)
            : operations.match(request.getMethod(), request.getUriInfo().getPath());
    if (operation.isEmpty() || recordedWithTheExecution(request, response)) {
      return;
    }
    AuditEvent event = event(request, response, operation.get());
    try {
      auditLog.record(event);
    } catch (AuditUnavailableException e) {
      // The answer stands (a created execution exists and runs); the entry is not lost silently.
      log.error(
          "Audit entry not stored, the database cannot take it ({}): {} by {} answered {} (request {})",
          e.getMessage(),
          event.operation(),
          event.actor(),
          response.getStatus(),
          event.requestId());
    } catch (RuntimeException e) {
      log.error(
          "Audit entry not stored: {} by {} answered {} (request {})",
          event.operation(),
          event.actor(),
          response.getStatus(),
          event.requestId(),
          e);
    }
  }

  /**
   * What a create-execution request passes to {@link dev.towerline.server.executions.ExecutionService#create}
   * so that its audit entry is inserted with the execution; {@link WrittenWithInsert#NOTHING} when
   * this filter did not see the request.
   */
  public static WrittenWithInsert auditedCreation(ContainerRequestContext request) {
    return request.getProperty(CREATION) instanceof AuditedCreation creation ? creation : WrittenWithInsert.NOTHING;
  }

  // 201 is only answered once the insert that carried the entry committed.
  private static boolean recordedWithTheExecution(ContainerRequestContext request, ContainerResponseContext response) {
    return request.getProperty(CREATION) instanceof AuditedCreation creation && creation.written() && response.getStatus() == CREATED;
  }

  private AuditEvent createdEvent(ContainerRequestContext request, AuditedOperations.Match operation, ExecutionRecord execution) {
    Payload payload = payload(request, CREATED);
    return event(request, operation, CREATED, null, new AuditTarget(execution.id(), execution.deviceSerial()), payload);
  }

  private AuditEvent event(ContainerRequestContext request, ContainerResponseContext response, AuditedOperations.Match operation) {
    int status = response.getStatus();
    Payload payload = payload(request, status);
    ErrorCode errorCode = response.getEntity() instanceof ErrorEnvelope envelope && envelope.getError() != null ? envelope.getError().getCode() : null;
    return event(request, operation, status, errorCode, target(operation, payload.json(), response.getEntity()), payload);
  }

  private AuditEvent event(
      ContainerRequestContext request,
      AuditedOperations.Match operation,
      int status,
      ErrorCode errorCode,
      AuditTarget target,
      Payload payload) {
    Actor actor = Actor.of(request);
    Object requestId = request.getProperty(RequestIds.KEY);
    return new AuditEvent(
        actor.name(),
        // Not authenticated: nobody's role was used.
        status == UNAUTHENTICATED ? null : actor.role(),
        ClientAddresses.of(request, connection),
        requestId instanceof String id ? id : null,
        operation.operationId(),
        target,
        AuditOutcome.ofHttp(status, errorCode),
        payload.json(),
        payload.omitted());
  }

  private record Payload(JsonNode json, AuditEvent.PayloadOmission omitted) {}

  private Payload payload(ContainerRequestContext request, int status) {
    if (!(request.getProperty(BODY) instanceof byte[] body)) {
      // The body limit refused it before this filter read it.
      return status == PAYLOAD_TOO_LARGE ? new Payload(null, AuditEvent.PayloadOmission.TOO_LARGE) : new Payload(null, null);
    }
    if (body.length == 0) {
      return new Payload(null, null);
    }
    try {
      JsonNode json = reader.read(body).value();
      return json == null ? new Payload(null, null) : new Payload(json, null);
    } catch (ApiException malformed) {
      return new Payload(null, AuditEvent.PayloadOmission.NOT_JSON);
    }
  }

  private static AuditTarget target(AuditedOperations.Match operation, JsonNode payload, Object entity) {
    if (entity instanceof Execution execution) {
      return new AuditTarget(execution.getId(), execution.getDeviceSerial());
    }
    Map<String, String> path = operation.pathParameters();
    String serial = path.get("serial");
    if (serial == null && payload != null && payload.path("device_serial").isTextual()) {
      serial = payload.path("device_serial").textValue();
    }
    return new AuditTarget(path.get("execution_id"), serial);
  }


}
