package dev.towerline.server.auth;

import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;

/** The contract operation a matched request calls: resource methods are named after operationIds. */
final class RequestOperation {
  private RequestOperation() {}

  /**
   * Empty for routes outside the contract. Jersey's routing context is itself the matched {@link
   * ResourceInfo}: asking it directly spares the injected proxy's per-request lookup.
   */
  static Optional<OperationRules> of(ContainerRequestContext request, ResourceInfo injected, RequestContract contract) {
    ResourceInfo resource = request.getUriInfo() instanceof ResourceInfo matched ? matched : injected;
    Method method = resource.getResourceMethod();
    return method == null ? Optional.empty() : contract.operation(method.getName());
  }
}
