package dev.towerline.server.edge.origin;

import dev.towerline.server.edge.host.HostName;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin as browsers send it in {@code Origin} (RFC 6454): {@code http} or {@code https},
 * a host and a port, the scheme's default port when none is written. Two origins are the same
 * when all three are.
 */
public record WebOrigin(String scheme, String host, int port) {

  private static final int HTTP_PORT = 80;
  private static final int HTTPS_PORT = 443;

  /** The origin {@code text} names; empty for {@code null}, other schemes, paths and anything malformed. */
  public static Optional<WebOrigin> parse(String text) {
    String trimmed = text.trim();
    int separator = trimmed.indexOf("://");
    if (separator < 0) {
      return Optional.empty();
    }
    String scheme = trimmed.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.empty();
    }
    String authority = trimmed.substring(separator + 3);
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    return HostName.parse(authority)
        .map(host -> new WebOrigin(scheme, host.name(), host.port().orElse(defaultPort(scheme))));
  }

  /** Whether a request to {@code host} (a {@code Host} header) comes from a page of this very origin. */
  public boolean isSameAs(HostName requestHost) {
    return host.equals(requestHost.name()) && port == requestHost.port().orElse(defaultPort(scheme));
  }

  /** How browsers write it: {@code scheme://host}, with {@code :port} only when it is not the default. */
  public String serialized() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return scheme + "://" + name + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? HTTPS_PORT : HTTP_PORT;
  }
}
