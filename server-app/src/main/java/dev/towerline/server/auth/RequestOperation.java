package dev.towerline.server.auth;

import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;

/** The contract operation a matched request calls: resource methods are named after operationIds. */
final class RequestOperation {
  private RequestOperation() {}

  /** Empty for routes outside the contract. */
  static Optional<OperationRules> of(ResourceInfo resource, RequestContract contract) {
    Method method = resource.getResourceMethod();
    return method == null ? Optional.empty() : contract.operation(method.getName());
  }
}
