package dev.towerline.server.edge.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a request's {@code Host} may carry, with any port: the loopback names, the address the
 * server is bound to (unless it binds every interface) and the operator's {@code ALLOWED_HOSTS}
 * (exact names, {@code *.example.com} for every subdomain, or {@code *} for any name at all). A
 * browser page that a rebound DNS name points at this server sends its own name as {@code Host}, so
 * refusing unknown names keeps such pages away from the API.
 */
public final class HostPolicy {

  /** Environment variable: a comma-separated list of extra host names. */
  public static final String ALLOWED_HOSTS_VARIABLE = "ALLOWED_HOSTS";
  /** Names every server answers to. */
  public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

  private static final String ANY = "*";
  private static final String SUBDOMAINS = "*.";
  private static final Set<String> EVERY_INTERFACE = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");
  private static final Pattern NAME = Pattern.compile("[a-z0-9.-]+|[0-9a-f:.]+");

  private final Set<String> names;
  private final List<String> suffixes;
  private final boolean anyName;

  private HostPolicy(Set<String> names, List<String> suffixes, boolean anyName) {
    this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    this.suffixes = List.copyOf(suffixes);
    this.anyName = anyName;
  }

  /** Loopback names only. */
  public static HostPolicy loopbackOnly() {
    return of(List.of(), "127.0.0.1");
  }

  /**
   * @param allowedHosts entries of {@code ALLOWED_HOSTS}
   * @param bindAddress the address the server listens on; allowed too unless it is a wildcard
   * @throws IllegalArgumentException naming the variable and the entry that is not a host name
   */
  public static HostPolicy of(List<String> allowedHosts, String bindAddress) {
    Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
    String bound = bindAddress.toLowerCase(Locale.ROOT);
    if (!EVERY_INTERFACE.contains(bound)) {
      names.add(bound);
    }
    List<String> suffixes = new ArrayList<>();
    boolean anyName = false;
    for (String entry : allowedHosts) {
      String name = entry.trim().toLowerCase(Locale.ROOT);
      if (name.equals(ANY)) {
        anyName = true;
      } else if (name.startsWith(SUBDOMAINS) && isName(name.substring(SUBDOMAINS.length()))) {
        suffixes.add(name.substring(1));
      } else if (isName(stripBrackets(name))) {
        names.add(stripBrackets(name));
      } else {
        throw new IllegalArgumentException(
            ALLOWED_HOSTS_VARIABLE + " entries must be host names or IP addresses without a port, *.domain or *: " + entry);
      }
    }
    return new HostPolicy(names, suffixes, anyName);
  }

  /** Whether a request whose {@code Host} is {@code host} is meant for this server. */
  public boolean allows(HostName host) {
    if (anyName || names.contains(host.name())) {
      return true;
    }
    return suffixes.stream().anyMatch(suffix -> host.name().endsWith(suffix));
  }

  /** Whether every name is allowed ({@code ALLOWED_HOSTS=*}): the check is off. */
  public boolean allowsAnyName() {
    return anyName;
  }

  /** The allowed names as configured, for the start-up log. */
  public List<String> describe() {
    List<String> all = new ArrayList<>(names);
    suffixes.forEach(suffix -> all.add("*" + suffix));
    if (anyName) {
      all.add(ANY);
    }
    return all;
  }

  private static boolean isName(String name) {
    return !name.isEmpty() && NAME.matcher(name).matches() && HostName.parse(name.indexOf(':') >= 0 ? "[" + name + "]" : name).isPresent();
  }

  private static String stripBrackets(String name) {
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }

  @Override
  public String toString() {
    return "HostPolicy" + describe();
  }
}
