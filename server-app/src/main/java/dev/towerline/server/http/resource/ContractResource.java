package dev.towerline.server.http.resource;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.api.ContractApi;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.error.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Publishes the contract as bundled. The documents' relative {@code $ref}s ({@code
 * ./schemas/device.json}) resolve against their own URLs to {@code /api/v1/schemas/...}, so a tool
 * given the document URL finds every schema.
 */
@Singleton
public final class ContractResource implements ContractApi {

  static final String YAML = "application/yaml; charset=utf-8";
  static final String JSON_SCHEMA = "application/schema+json";
  private static final String SCHEMAS_PATH = "/api/v1/schemas/";

  private final PublishedContract contract;

  @Inject
  public ContractResource(PublishedContract contract) {
    this.contract = contract;
  }

  @Override
  public Response getOpenApiDocument() {
    return Response.ok(contract.openApi(), YAML).build();
  }

  @Override
  public Response getAsyncApiDocument() {
    return Response.ok(contract.asyncApi(), YAML).build();
  }

  @Override
  public Response getSchemaFile(String file) {
    return contract
        .schemaFile(file)
        .map(schema -> Response.ok(schema, JSON_SCHEMA).build())
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.ROUTE_NOT_FOUND,
                    "No shared schema is published under that name",
                    Map.of("path", SCHEMAS_PATH + file)));
  }
}
