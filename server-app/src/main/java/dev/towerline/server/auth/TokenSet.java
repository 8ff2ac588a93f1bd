package dev.towerline.server.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tokens a server accepts at one moment; immutable. */
public final class TokenSet {
  public static final TokenSet EMPTY = new TokenSet(List.of());

  private final List<TokenEntry> entries;

  private TokenSet(List<TokenEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static TokenSet of(List<TokenEntry> entries) {
    return new TokenSet(entries);
  }

  /**
   * The holder of {@code token}, if it is one of these. Every entry is compared, each in constant
   * time, so the answer's timing says nothing about which entry (if any) is close.
   */
  public Optional<Actor> authenticate(String token) {
    TokenHash presented = TokenHash.of(token);
    TokenEntry found = null;
    for (TokenEntry entry : entries) {
      if (entry.hash().matches(presented) && found == null) {
        found = entry;
      }
    }
    return Optional.ofNullable(found).map(TokenEntry::actor);
  }

  public List<TokenEntry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  Map<String, TokenEntry> byName() {
    return entries.stream().collect(Collectors.toMap(TokenEntry::name, Function.identity()));
  }
}
