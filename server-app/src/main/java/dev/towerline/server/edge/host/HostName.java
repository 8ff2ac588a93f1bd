package dev.towerline.server.edge.host;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host part of a {@code Host} header or an origin's authority (RFC 9110 §7.2): a registered
 * name or an IPv4 literal, or an IPv6 literal in brackets, with an optional port. The name is kept
 * lower case, without brackets and without a trailing dot, so equal names compare equal.
 */
public record HostName(String name, OptionalInt port) {

  // reg-name or IPv4 (letters, digits, '-', '.'), or [IPv6] (hex digits, ':', '.'), then :port.
  private static final Pattern AUTHORITY =
      Pattern.compile("(?:([A-Za-z0-9.-]+)|\\[([0-9A-Fa-f:.]+)\\])(?::([0-9]{1,5}))?");
  private static final int MAX_PORT = 65_535;

  /** The host and port of {@code authority}; empty when it is not one (a user part, a path, spaces, a bad port). */
  public static Optional<HostName> parse(String authority) {
    Matcher matcher = AUTHORITY.matcher(authority.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || name.startsWith(".") || name.contains("..")) {
      return Optional.empty();
    }
    OptionalInt port = OptionalInt.empty();
    if (matcher.group(3) != null) {
      int value = Integer.parseInt(matcher.group(3));
      if (value > MAX_PORT) {
        return Optional.empty();
      }
      port = OptionalInt.of(value);
    }
    return Optional.of(new HostName(name.toLowerCase(Locale.ROOT), port));
  }

  /** As written in a URI: IPv6 literals in brackets, the port when there is one. */
  public String authority() {
    String host = name.indexOf(':') >= 0 ? "[" + name + "]" : name;
    return port.isPresent() ? host + ":" + port.getAsInt() : host;
  }
}
