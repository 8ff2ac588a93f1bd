package dev.towerline.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-256 digest of a token: what the server stores and compares instead of the token. Tokens
 * are 256 random bits, so a plain digest cannot be reversed by guessing; no salt or slow hash is
 * needed (unlike passwords).
 */
public final class TokenHash {
  /** How a hash is written in a tokens file: {@code sha256:} and 64 lower-case hex digits. */
  public static final String PREFIX = "sha256:";

  private static final Pattern WRITTEN = Pattern.compile("sha256:[0-9a-fA-F]{64}");

  private final byte[] digest;

  private TokenHash(byte[] digest) {
    this.digest = digest;
  }

  /** The hash of {@code token}. */
  public static TokenHash of(String token) {
    return new TokenHash(sha256(token));
  }

  /** A hash as written in a tokens file ({@code sha256:<hex>}); empty when it is not one. */
  public static Optional<TokenHash> parse(String written) {
    if (!WRITTEN.matcher(written).matches()) {
      return Optional.empty();
    }
    return Optional.of(new TokenHash(HexFormat.of().parseHex(written.substring(PREFIX.length()))));
  }

  /** Whether {@code other} is the same digest, in time that does not depend on where they differ. */
  public boolean matches(TokenHash other) {
    return MessageDigest.isEqual(digest, other.digest);
  }

  /** {@code sha256:<hex>}, as a tokens file holds it. */
  public String written() {
    return PREFIX + HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenHash that && matches(that);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return written();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
