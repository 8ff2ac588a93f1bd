package dev.towerline.server.edge.origin;

import dev.towerline.server.edge.host.HostName;
import java.util.Optional;

/**
 * Which web pages may open a feed. Browsers send {@code Origin} on every WebSocket handshake and
 * do not apply CORS to WebSockets, so without this check any page could read the feeds of a
 * server its visitor can reach. Allowed: no {@code Origin} at all (not a browser), a page served
 * by this very server (the origin's host and port are the request's {@code Host}), and the origins
 * of {@code ALLOWED_ORIGINS} and {@code CORS_ALLOWED_ORIGINS}.
 */
public final class OriginPolicy {

  /** Environment variable: origins, comma-separated, allowed to open feeds. */
  public static final String ALLOWED_ORIGINS_VARIABLE = "ALLOWED_ORIGINS";

  private final OriginList allowed;

  public OriginPolicy(OriginList allowed) {
    this.allowed = allowed;
  }

  /**
   * Why a handshake with {@code origin} to {@code host} is refused; empty when it may proceed.
   *
   * @param origin the {@code Origin} header, or null when there is none
   * @param host the request's {@code Host}, already accepted by the host check; null when absent
   */
  public Optional<String> refusal(String origin, String host) {
    if (origin == null) {
      return Optional.empty();
    }
    Optional<WebOrigin> parsed = WebOrigin.parse(origin);
    if (parsed.isEmpty()) {
      return Optional.of("Origin " + printable(origin) + " may not open feeds: it is not an http(s) origin");
    }
    boolean sameOrigin = host != null && HostName.parse(host).map(parsed.get()::isSameAs).orElse(false);
    if (sameOrigin || allowed.contains(parsed.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "Origin " + parsed.get().serialized() + " may not open feeds: it is not in " + ALLOWED_ORIGINS_VARIABLE);
  }

  public OriginList allowed() {
    return allowed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OriginPolicy that && allowed.equals(that.allowed);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode();
  }

  @Override
  public String toString() {
    return "OriginPolicy" + allowed;
  }

  private static String printable(String text) {
    String shortened = text.length() > 100 ? text.substring(0, 100) : text;
    return shortened.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
