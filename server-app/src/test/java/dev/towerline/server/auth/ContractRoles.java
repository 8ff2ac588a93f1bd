package dev.towerline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.ContractOperations;
import java.util.Optional;

/** What openapi.yaml says about who may call an operation, read the way a client would read it. */
record ContractRoles(boolean open, Role required) {

  static ContractRoles of(String operationId) {
    JsonNode spec = ContractOperations.openApi();
    for (JsonNode path : spec.path("paths")) {
      for (JsonNode operation : path) {
        if (operationId.equals(operation.path("operationId").asText())) {
          boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
          Optional<Role> role = Role.fromContractName(operation.path("x-towerline-role").asText());
          return new ContractRoles(open, role.orElse(null));
        }
      }
    }
    throw new IllegalArgumentException("openapi.yaml has no operation " + operationId);
  }
}
