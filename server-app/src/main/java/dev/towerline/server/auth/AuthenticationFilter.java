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
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out who sent each request and attaches the {@link Actor} under {@link
 * Actor#REQUEST_PROPERTY}. On a server with tokens, a request without a valid {@code Authorization:
 * Bearer} token is answered 401 {@code UNAUTHENTICATED} with {@code WWW-Authenticate} — except for
 * operations the contract opens to everyone ({@code security: []}) and the endpoints listed in
 * {@code ANONYMOUS_ENDPOINTS}. Routes outside the contract need a token like any read.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

  private final Authenticator authenticator;
  private final AuthConfig config;
  private final RequestContract contract;
  private final ErrorResponses errors;

  @Context private ResourceInfo resource;

  @Inject
  public AuthenticationFilter(Authenticator authenticator, AuthConfig config, RequestContract contract, ErrorResponses errors) {
    this.authenticator = authenticator;
    this.config = config;
    this.contract = contract;
    this.errors = errors;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<OperationRules> operation = RequestOperation.of(request, resource, contract);
    if (operation.isPresent() && operation.get().access().open()) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (servedWithoutToken(operation, request)) {
      request.setProperty(Actor.REQUEST_PROPERTY, authenticator.identifyOptionally(authorization));
      return;
    }
    Authenticator.Outcome outcome = authenticator.authenticate(authorization, null);
    if (outcome instanceof Authenticator.Outcome.Known known) {
      request.setProperty(Actor.REQUEST_PROPERTY, known.actor());
    } else if (outcome instanceof Authenticator.Outcome.Refused refused) {
      request.abortWith(
          errors
              .envelope(ErrorCode.UNAUTHENTICATED, refused.message(), Map.of())
              .header(HttpHeaders.WWW_AUTHENTICATE, refused.challenge())
              .build());
    }
  }

  private boolean servedWithoutToken(Optional<OperationRules> operation, ContainerRequestContext request) {
    if (operation.isPresent()) {
      String id = operation.get().operationId();
      return config.anonymousEndpoints().stream().anyMatch(endpoint -> endpoint.coversOperation(id));
    }
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return config.anonymousEndpoints().stream().anyMatch(endpoint -> endpoint.coversPage(relative));
  }
}
