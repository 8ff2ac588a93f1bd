package dev.towerline.server.http.resource;

import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.api.ExecutionsApi;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.executions.ExecutionQuery;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.executions.NewExecution;
import dev.towerline.server.executions.OutputSlice;
import dev.towerline.server.http.AuditFilter;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.listing.Page;
import dev.towerline.server.model.CreateExecutionRequest;
import dev.towerline.server.model.ExecutionList;
import dev.towerline.server.model.ExecutionOutput;
import dev.towerline.server.model.ListMetadata;
import dev.towerline.server.policy.CommandPolicy;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** The executions operations: translate to {@link ExecutionService} and back. */
@Singleton
public final class ExecutionsResource implements ExecutionsApi {
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final ExecutionService executions;
  private final CommandPolicy commandPolicy;
  private final Clock clock;
  private final int defaultTimeoutSeconds;
  private final long defaultOutputOffset;
  private final int defaultOutputLimit;
  private final int defaultPageSize;
  private final Provider<ContainerRequestContext> requests;

  /** Requests reach this class already checked against openapi.yaml; defaults come from it too. */
  @Inject
  public ExecutionsResource(
      ExecutionService executions,
      CommandPolicy commandPolicy,
      Clock clock,
      RequestContract contract,
      Provider<ContainerRequestContext> requests) {
    this.executions = executions;
    this.requests = requests;
    this.commandPolicy = commandPolicy;
    this.clock = clock;
    this.defaultTimeoutSeconds = contract.require("createExecution").bodyDefault("timeout_seconds").asInt();
    OperationRules output = contract.require("getExecutionOutput");
    this.defaultOutputOffset = output.parameterDefault("query", "offset").asLong();
    this.defaultOutputLimit = output.parameterDefault("query", "limit").asInt();
    this.defaultPageSize = contract.require("listExecutions").parameterDefault("query", "page_size").asInt();
  }

  @Override
  public Response createExecution(CreateExecutionRequest request, String idempotencyKey) {
    commandPolicy.check(request.getCommand());
    Integer timeout = request.getTimeoutSeconds();
    NewExecution execution =
        new NewExecution(
            request.getDeviceSerial(), request.getCommand(), timeout == null ? defaultTimeoutSeconds : timeout);
    ExecutionService.Created created =
        executions.create(execution, Optional.ofNullable(idempotencyKey), AuditFilter.auditedCreation(requests.get()));
    Execution body = created.execution().toContract();
    URI location = URI.create("/api/v1/executions/" + body.getId());
    if (created.replayed()) {
      return Response.ok(body).location(location).header(REPLAYED_HEADER, "true").build();
    }
    return Response.created(location).entity(body).build();
  }

  @Override
  public Response getExecution(String executionId) {
    return Response.ok(executions.get(executionId).toContract()).build();
  }

  @Override
  public Response cancelExecution(String executionId) {
    return Response.ok(executions.cancel(executionId).toContract()).build();
  }

  @Override
  public Response getExecutionOutput(String executionId, Long offset, Integer limit) {
    long from = offset == null ? defaultOutputOffset : offset;
    int max = limit == null ? defaultOutputLimit : limit;
    OutputSlice slice = executions.output(executionId, from, max);
    ExecutionOutput body =
        ExecutionOutput.builder()
            .executionId(slice.executionId())
            .status(slice.status())
            .offset(slice.offset())
            .nextOffset(slice.nextOffset())
            .availableFrom(slice.availableFrom())
            .data(slice.data())
            .complete(slice.complete())
            .build();
    return Response.ok(body).build();
  }

  @Override
  public Response listExecutions(
      Integer pageSize,
      String pageToken,
      ExecutionStatus status,
      String deviceSerial,
      OffsetDateTime createdAfter,
      OffsetDateTime createdBefore,
      String sort) {
    int size = pageSize == null ? defaultPageSize : pageSize;
    ExecutionQuery query =
        new ExecutionQuery(
            status,
            deviceSerial,
            createdAfter == null ? null : createdAfter.toInstant(),
            createdBefore == null ? null : createdBefore.toInstant(),
            newestFirst(sort));
    Page<ExecutionRecord> page = executions.list(query, size, pageToken);
    ExecutionList body =
        ExecutionList.builder()
            .data(page.items().stream().map(ExecutionRecord::toContract).toList())
            .metadata(ListMetadata.builder().pageSize(page.pageSize()).nextPageToken(page.nextPageToken().orElse(null)).build())
            .timestamp(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .build();
    return Response.ok(body).build();
  }

  private static boolean newestFirst(String sort) {
    if (sort == null || sort.equals("-created_at")) {
      return true;
    }
    if (sort.equals("created_at")) {
      return false;
    }
    throw invalid("sort", sort, "must be created_at or -created_at");
  }

  private static ApiException invalid(String parameter, String value, String reason) {
    return new ApiException(
        ErrorCode.INVALID_PARAMETER,
        parameter + " " + reason,
        Map.of("parameter", parameter, "value", value, "reason", reason));
  }
}
