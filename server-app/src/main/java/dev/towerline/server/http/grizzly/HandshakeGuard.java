package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a WebSocket handshake may reach Tyrus. A refusal is answered over plain HTTP
 * with its code's status and the error envelope; the connection is never upgraded.
 */
@FunctionalInterface
public interface HandshakeGuard {
  HandshakeGuard NONE = (path, headers, query) -> Optional.empty();

  /**
   * @param path the request path relative to the WebSocket context path, e.g. {@code /ws/devices}
   * @param headers request headers, names as sent
   * @param query decoded query parameters
   * @return empty to let the handshake proceed
   */
  Optional<Refusal> check(String path, Map<String, List<String>> headers, Map<String, List<String>> query);

  /**
   * @param headers extra response headers, e.g. {@code WWW-Authenticate}
   */
  record Refusal(ErrorCode code, String message, Map<String, String> headers) {
    public Refusal {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      headers = Map.copyOf(headers);
    }
  }
}
