package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, from a request's head alone, whether it may go on to the REST application or the
 * WebSocket feeds. Runs in the Grizzly filter chain, so it also sees requests that never reach
 * Jersey (WebSocket handshakes); a refusal is answered with its code's status, the error envelope
 * and {@code Connection: close}. Called once per request on a network thread: it must not block.
 */
@FunctionalInterface
public interface RequestGuard {
  RequestGuard NONE = head -> Optional.empty();

  Optional<Refusal> check(RequestHead head);

  /**
   * What the guard may look at.
   *
   * @param host the {@code Host} header (for an absolute-form request target, its authority), or null when absent
   * @param origin the {@code Origin} header, or null when absent
   * @param clientAddress the peer's IP address as a literal
   */
  record RequestHead(String method, String path, boolean webSocketHandshake, String host, String origin, String clientAddress) {}

  /**
   * @param details the envelope's {@code details}
   * @param headers extra response headers, e.g. {@code Retry-After}
   */
  record Refusal(ErrorCode code, String message, Map<String, ?> details, Map<String, String> headers) {
    public Refusal {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      details = Map.copyOf(details);
      headers = Map.copyOf(headers);
    }
  }
}
