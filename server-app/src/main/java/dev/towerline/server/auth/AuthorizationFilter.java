package dev.towerline.server.auth;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.http.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a token's holder call an operation only when its role includes the operation's {@code
 * x-towerline-role}, read from the contract; otherwise 403 {@code FORBIDDEN} naming both roles.
 * Routes outside the contract need {@code viewer}. Anonymous callers got past authentication only
 * where that is allowed, so they are let through.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AuthorizationFilter implements ContainerRequestFilter {

  private final RequestContract contract;
  private final ErrorResponses errors;

  @Context private ResourceInfo resource;

  @Inject
  public AuthorizationFilter(RequestContract contract, ErrorResponses errors) {
    this.contract = contract;
    this.errors = errors;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Actor actor = Actor.of(request);
    Optional<OperationRules> operation = RequestOperation.of(request, resource, contract);
    if (actor.isAnonymous() || operation.map(o -> o.access().open()).orElse(false)) {
      return;
    }
    Role required = operation.map(OperationRules::access).map(RequiredRole::of).orElse(Role.VIEWER);
    if (actor.role().includes(required)) {
      return;
    }
    String called = operation.map(OperationRules::operationId).orElse("this route");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", actor.role().contractName());
    details.put("required_role", required.contractName());
    request.abortWith(
        errors
            .envelope(
                ErrorCode.FORBIDDEN,
                "Role " + actor.role().contractName() + " may not call " + called + "; it needs " + required.contractName(),
                details)
            .build());
  }
}
