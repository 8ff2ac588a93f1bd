package dev.towerline.server.edge.origin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A configured list of web origins, such as {@code ALLOWED_ORIGINS} or {@code
 * CORS_ALLOWED_ORIGINS}: {@code scheme://host[:port]} entries, or {@code *} for every origin where
 * the setting allows it.
 */
public final class OriginList {

  /** The entry that stands for every origin. */
  public static final String ANY = "*";

  private final Set<WebOrigin> origins;
  private final boolean any;

  private OriginList(Set<WebOrigin> origins, boolean any) {
    this.origins = Set.copyOf(origins);
    this.any = any;
  }

  public static OriginList none() {
    return new OriginList(Set.of(), false);
  }

  /**
   * @param variable the setting's name, for the message
   * @param wildcardAllowed whether {@code *} may be given
   * @throws IllegalArgumentException naming the variable and the entry that is not an origin
   */
  public static OriginList parse(String variable, List<String> entries, boolean wildcardAllowed) {
    Set<WebOrigin> origins = new LinkedHashSet<>();
    boolean any = false;
    for (String entry : entries) {
      if (entry.trim().equals(ANY) && wildcardAllowed) {
        any = true;
        continue;
      }
      Optional<WebOrigin> origin = WebOrigin.parse(entry);
      if (origin.isEmpty()) {
        throw new IllegalArgumentException(
            variable + " entries must be origins like https://lab.example.com or http://localhost:5173"
                + (wildcardAllowed ? ", or *" : "") + ": " + entry);
      }
      origins.add(origin.get());
    }
    return new OriginList(origins, any);
  }

  /** Whether {@code origin} is on the list (or the list is {@code *}). */
  public boolean contains(WebOrigin origin) {
    return any || origins.contains(origin);
  }

  /** Whether the list is {@code *}. */
  public boolean isAny() {
    return any;
  }

  public boolean isEmpty() {
    return !any && origins.isEmpty();
  }

  /** The same list with {@code other}'s origins added. */
  public OriginList plus(OriginList other) {
    Set<WebOrigin> both = new LinkedHashSet<>(origins);
    both.addAll(other.origins);
    return new OriginList(both, any || other.any);
  }

  /** The entries, serialized, for the start-up log. */
  public List<String> describe() {
    List<String> all = new ArrayList<>();
    origins.forEach(origin -> all.add(origin.serialized()));
    if (any) {
      all.add(ANY);
    }
    return all;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OriginList that && origins.equals(that.origins) && any == that.any;
  }

  @Override
  public int hashCode() {
    return origins.hashCode() * 31 + Boolean.hashCode(any);
  }

  @Override
  public String toString() {
    return describe().toString();
  }
}
