package dev.towerline.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides who a caller is from the credentials it sent: an {@code Authorization: Bearer} header or,
 * for browsers opening a feed, an {@code access_token} query value. Shared by the REST filter and
 * the feed handshake. Messages never contain the credential.
 */
public final class Authenticator {
  /** The challenge of every 401: the scheme and the realm (RFC 6750 section 3). */
  public static final String CHALLENGE = "Bearer realm=\"towerline\"";
  static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

  private final AuthMode mode;
  private final TokenRegistry registry;

  public Authenticator(AuthMode mode, TokenRegistry registry) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public AuthMode mode() {
    return mode;
  }

  /** The outcome of authenticating one request. */
  public sealed interface Outcome {
    /** The caller is {@code actor} ({@link Actor#ANONYMOUS} on a server without tokens). */
    record Known(Actor actor) implements Outcome {}

    /** 401 {@code UNAUTHENTICATED} with {@code challenge} as {@code WWW-Authenticate}. */
    record Refused(String message, String challenge) implements Outcome {}
  }

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param queryToken the {@code access_token} query value, or null (feed handshakes only)
   */
  public Outcome authenticate(String authorization, String queryToken) {
    if (mode != AuthMode.TOKENS) {
      return new Outcome.Known(Actor.ANONYMOUS);
    }
    if (authorization != null) {
      Optional<String> token = BearerCredentials.token(authorization);
      if (token.isEmpty()) {
        return new Outcome.Refused("The Authorization header must be 'Bearer <token>'", CHALLENGE);
      }
      return verify(token.get());
    }
    if (queryToken != null) {
      return verify(queryToken);
    }
    return new Outcome.Refused("A bearer token is required", CHALLENGE);
  }

  /**
   * For endpoints served without a token too: the holder of a valid token is still named (for
   * rate limits and audit); anything else is {@link Actor#ANONYMOUS}.
   */
  public Actor identifyOptionally(String authorization) {
    if (mode == AuthMode.TOKENS && authorization != null) {
      return BearerCredentials.token(authorization).flatMap(registry.current()::authenticate).orElse(Actor.ANONYMOUS);
    }
    return Actor.ANONYMOUS;
  }

  private Outcome verify(String token) {
    return registry
        .current()
        .authenticate(token)
        .<Outcome>map(Outcome.Known::new)
        .orElseGet(() -> new Outcome.Refused("The bearer token is not valid", INVALID_TOKEN_CHALLENGE));
  }
}
