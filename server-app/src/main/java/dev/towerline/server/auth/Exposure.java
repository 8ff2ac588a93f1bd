package dev.towerline.server.auth;

import dev.towerline.server.config.ServerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secure by default: a server without tokens lets anyone run shell commands on the lab's devices,
 * so it listens on loopback only, unless authentication is disabled on purpose.
 */
public final class Exposure {
  private static final Logger log = LoggerFactory.getLogger(Exposure.class);

  private Exposure() {}

  /**
   * Refuses a bind address other than loopback on a server without tokens, and says at start how
   * the server is protected (a warning, every start, when authentication is disabled).
   *
   * @throws AuthStartException with a one-line reason when the server must not start
   */
  public static void check(ServerConfig server, AuthConfig auth, int tokens) {
    String address = server.bindAddress();
    switch (auth.mode()) {
      case TOKENS -> log.info(
          "Authentication is on: {} token(s) in force{}",
          tokens,
          auth.anonymousEndpoints().isEmpty() ? "" : "; served without a token: " + auth.anonymousEndpoints().stream().map(AnonymousEndpoint::settingName).sorted().toList());
      case DISABLED -> log.warn(
          "{}=true: authentication is off; anyone who can reach {} may read everything and run shell commands on the devices",
          AuthConfig.DISABLED_VARIABLE, address);
      case LOOPBACK_ONLY -> {
        if (!isLoopback(address)) {
          throw new AuthStartException(
              "Refusing to listen on " + address + " without tokens: anyone who reaches it could run shell commands on the devices."
                  + " Set " + AuthConfig.TOKENS_FILE_VARIABLE + " (see docs/guides/security.md), bind to 127.0.0.1, or set "
                  + AuthConfig.DISABLED_VARIABLE + "=true to accept the risk");
        }
        log.info(
            "No tokens configured: serving loopback only ({}), where every caller may do everything; set {} to serve a network",
            address, AuthConfig.TOKENS_FILE_VARIABLE);
      }
    }
  }

  /** Whether every address {@code host} names is a loopback address; false when it names none. */
  static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
