package dev.towerline.server.http.resource;

import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.api.ExecutionsApi;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.model.CreateExecutionRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;

/** Executions: declared by the contract, served once the execution engine exists. */
@Singleton
public final class ExecutionsResource implements ExecutionsApi {

  @Override
  public Response cancelExecution(String executionId) {
    throw ApiException.notImplemented("cancelExecution");
  }

  @Override
  public Response createExecution(CreateExecutionRequest request, String idempotencyKey) {
    throw ApiException.notImplemented("createExecution");
  }

  @Override
  public Response getExecution(String executionId) {
    throw ApiException.notImplemented("getExecution");
  }

  @Override
  public Response getExecutionOutput(String executionId, Long offset, Integer limit) {
    throw ApiException.notImplemented("getExecutionOutput");
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
    throw ApiException.notImplemented("listExecutions");
  }
}
