package dev.towerline.server.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the token of an {@code Authorization: Bearer <token>} header (RFC 6750 section 2.1). */
final class BearerCredentials {
  // The scheme is case-insensitive (RFC 9110 section 11.1); the token is RFC 6750's b64token.
  private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9._~+/-]+=*) *");

  private BearerCredentials() {}

  /** The token, or empty when the header is not a bearer credential. */
  static Optional<String> token(String authorization) {
    Matcher matcher = BEARER.matcher(authorization);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
