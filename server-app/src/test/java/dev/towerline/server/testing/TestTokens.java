package dev.towerline.server.testing;

import dev.towerline.server.auth.Role;
import dev.towerline.server.auth.TokenEntry;
import dev.towerline.server.auth.TokenHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tokens file with one fresh token per role (holders {@code viewer-1}, {@code operator-1}, {@code
 * admin-1}), written as the server reads it: hashes only. Give it to {@link RunningServer#tokens}.
 */
public final class TestTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);

  private TestTokens(Path file) {
    this.file = file;
  }

  public static TestTokens create() {
    try {
      TestTokens created = new TestTokens(Files.createTempFile("towerline-tokens", ".txt"));
      for (Role role : Role.values()) {
        created.tokens.put(role, newToken());
      }
      created.write(created.entries());
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new random token shaped like those {@code token new} makes. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "tl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The token of the holder with {@code role}. */
  public String token(Role role) {
    return tokens.get(role);
  }

  /** {@code Bearer <token>} of the holder with {@code role}. */
  public String bearer(Role role) {
    return "Bearer " + token(role);
  }

  public Path file() {
    return file;
  }

  /** The entries of this file's tokens, one per role. */
  public List<TokenEntry> entries() {
    return tokens.entrySet().stream()
        .map(e -> new TokenEntry(holder(e.getKey()), e.getKey(), TokenHash.of(e.getValue())))
        .toList();
  }

  /** The name of the holder with {@code role}. */
  public static String holder(Role role) {
    return role.contractName() + "-1";
  }

  /** Replaces the file's content with these entries (a comment line first). */
  public void write(List<TokenEntry> entries) {
    String text = "# Towerline test tokens: name role sha256:<hex>\n"
        + entries.stream().map(TokenEntry::line).collect(Collectors.joining("\n")) + "\n";
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
