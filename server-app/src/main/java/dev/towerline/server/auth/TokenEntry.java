package dev.towerline.server.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured token: a name for logs and audit, a role, and the token's hash (never the token).
 * Written in a tokens file as {@code name role sha256:<hex>}.
 */
public record TokenEntry(String name, Role role, TokenHash hash) {
  /** Letters, digits and {@code . _ @ -}, 1 to 64 of them: safe in a log line and a file. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  public TokenEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(hash, "hash");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("token name must be 1-64 letters, digits or . _ @ -: " + name);
    }
  }

  /** The line a tokens file holds for this token. */
  public String line() {
    return name + " " + role.contractName() + " " + hash.written();
  }

  public Actor actor() {
    return new Actor(name, role);
  }
}
