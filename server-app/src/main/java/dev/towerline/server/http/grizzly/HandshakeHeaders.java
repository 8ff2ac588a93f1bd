package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * The headers RFC 6455 §4.2.1 requires of a WebSocket handshake, checked before Tyrus sees it
 * (Tyrus answers their absence with a 500): a {@code Sec-WebSocket-Key} of 16 base64-encoded
 * bytes, and {@code Sec-WebSocket-Version: 13}, the only version there is. A wrong or missing
 * version is answered with {@code Sec-WebSocket-Version: 13}, as §4.4 asks.
 */
final class HandshakeHeaders {

  static final String KEY = "Sec-WebSocket-Key";
  static final String VERSION = "Sec-WebSocket-Version";
  static final String SUPPORTED_VERSION = "13";
  private static final int KEY_BYTES = 16;

  private HandshakeHeaders() {}

  static Optional<HandshakeGuard.Refusal> refusalOf(HttpRequestPacket request) {
    String version = request.getHeader(VERSION);
    if (version == null || !version.trim().equals(SUPPORTED_VERSION)) {
      return Optional.of(
          new HandshakeGuard.Refusal(
              ErrorCode.INVALID_PARAMETER,
              VERSION + " must be " + SUPPORTED_VERSION + ", the only WebSocket version this server speaks",
              Map.of(VERSION, SUPPORTED_VERSION)));
    }
    String key = request.getHeader(KEY);
    if (key == null || !isSixteenBytesOfBase64(key.trim())) {
      return Optional.of(
          new HandshakeGuard.Refusal(
              ErrorCode.INVALID_PARAMETER, KEY + " must be 16 random bytes, base64-encoded (RFC 6455 §4.1)", Map.of()));
    }
    return Optional.empty();
  }

  private static boolean isSixteenBytesOfBase64(String key) {
    try {
      return Base64.getDecoder().decode(key).length == KEY_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
