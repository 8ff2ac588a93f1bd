package dev.towerline.server.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who made a request: the holder of a named token with its role, or {@link #ANONYMOUS} on a server
 * that has no tokens configured (it then serves loopback only, and an anonymous caller may do
 * everything). Authentication attaches it to the request under {@link #REQUEST_PROPERTY}; rate
 * limits and the audit log read it with {@link #of}.
 */
public record Actor(String name, Role role) {
  public static final String REQUEST_PROPERTY = "dev.towerline.actor";

  /** The caller of a server without tokens, and of the operations that need no role. */
  public static final Actor ANONYMOUS = new Actor("anonymous", Role.ADMIN);

  /** The actor authentication attached to {@code request}, or {@link #ANONYMOUS} when none was. */
  public static Actor of(ContainerRequestContext request) {
    return request.getProperty(REQUEST_PROPERTY) instanceof Actor actor ? actor : ANONYMOUS;
  }

  public boolean isAnonymous() {
    return this == ANONYMOUS;
  }
}
