package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.Header;

/**
 * What RFC 6455 §4.2.1 requires of a WebSocket handshake, checked before Tyrus sees it (Tyrus
 * answers a missing key or version with a 500, and upgrades a POST or a request without {@code
 * Connection: Upgrade}): a GET, a {@code Connection} header with the {@code upgrade} token, exactly
 * one {@code Sec-WebSocket-Key} of 16 base64-encoded bytes, and {@code Sec-WebSocket-Version: 13},
 * the only version there is. A wrong or missing version is answered with {@code
 * Sec-WebSocket-Version: 13}, as §4.4 asks.
 */
final class HandshakeHeaders {

  static final String KEY = "Sec-WebSocket-Key";
  static final String VERSION = "Sec-WebSocket-Version";
  static final String SUPPORTED_VERSION = "13";
  private static final int KEY_BYTES = 16;

  private HandshakeHeaders() {}

  static Optional<HandshakeGuard.Refusal> refusalOf(HttpRequestPacket request) {
    if (!Method.GET.equals(request.getMethod())) {
      return Optional.of(invalid("a WebSocket handshake must be a GET request (RFC 6455 §4.1)"));
    }
    if (!hasUpgradeToken(request.getHeader(Header.Connection))) {
      return Optional.of(invalid("a WebSocket handshake must carry Connection: Upgrade (RFC 6455 §4.1)"));
    }
    String version = request.getHeader(VERSION);
    if (version == null || !version.trim().equals(SUPPORTED_VERSION)) {
      return Optional.of(
          new HandshakeGuard.Refusal(
              ErrorCode.INVALID_PARAMETER,
              VERSION + " must be " + SUPPORTED_VERSION + ", the only WebSocket version this server speaks",
              Map.of(VERSION, SUPPORTED_VERSION)));
    }
    String key = request.getHeader(KEY);
    if (key == null || !isSixteenBytesOfBase64(key.trim()) || valueCount(request, KEY) != 1) {
      return Optional.of(invalid("one " + KEY + " of 16 random bytes, base64-encoded, is required (RFC 6455 §4.1)"));
    }
    return Optional.empty();
  }

  private static HandshakeGuard.Refusal invalid(String message) {
    return new HandshakeGuard.Refusal(ErrorCode.INVALID_PARAMETER, message, Map.of());
  }

  private static boolean hasUpgradeToken(String connection) {
    if (connection == null) {
      return false;
    }
    for (String token : connection.split(",")) {
      if (token.trim().equalsIgnoreCase("upgrade")) {
        return true;
      }
    }
    return false;
  }

  private static int valueCount(HttpRequestPacket request, String name) {
    int count = 0;
    for (String ignored : request.getHeaders().values(name)) {
      count++;
    }
    return count;
  }

  private static boolean isSixteenBytesOfBase64(String key) {
    try {
      return Base64.getDecoder().decode(key).length == KEY_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
