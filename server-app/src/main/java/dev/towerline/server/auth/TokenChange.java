package dev.towerline.server.auth;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the accepted tokens changed on a reload, by name only: tokens never leave the registry.
 *
 * @param added names that are new
 * @param removed names that are gone
 * @param changed names whose role or token changed
 */
public record TokenChange(Set<String> added, Set<String> removed, Set<String> changed) {

  public TokenChange {
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
    changed = Set.copyOf(changed);
  }

  static TokenChange between(TokenSet before, TokenSet after) {
    Map<String, TokenEntry> old = before.byName();
    Map<String, TokenEntry> now = after.byName();
    Set<String> added = new TreeSet<>(now.keySet());
    added.removeAll(old.keySet());
    Set<String> removed = new TreeSet<>(old.keySet());
    removed.removeAll(now.keySet());
    Set<String> changed = new HashSet<>();
    for (Map.Entry<String, TokenEntry> entry : now.entrySet()) {
      TokenEntry previous = old.get(entry.getKey());
      if (previous != null && !previous.equals(entry.getValue())) {
        changed.add(entry.getKey());
      }
    }
    return new TokenChange(added, removed, changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  @Override
  public String toString() {
    return "added " + new TreeSet<>(added) + ", removed " + new TreeSet<>(removed) + ", changed " + new TreeSet<>(changed);
  }
}
