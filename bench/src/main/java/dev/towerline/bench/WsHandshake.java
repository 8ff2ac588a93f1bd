package dev.towerline.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The client's side of the opening handshake (RFC 6455 §4.1): the HTTP/1.1 upgrade request with a
 * random {@code Sec-WebSocket-Key}, and the check of the answer — 101, {@code Upgrade: websocket},
 * {@code Connection: Upgrade} and the {@code Sec-WebSocket-Accept} that key calls for.
 */
final class WsHandshake {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** An answer's head larger than this is not a WebSocket server's. */
  static final int MAX_RESPONSE_HEAD_BYTES = 16 * 1024;

  private final String key;

  WsHandshake(SecureRandom random) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    this.key = Base64.getEncoder().encodeToString(nonce);
  }

  String key() {
    return key;
  }

  byte[] request(URI uri) {
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return ("GET " + path + " HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Where the answer's head ends (just past the blank line) in {@code data[0, length)}, or -1 if not yet. */
  static int headEnd(byte[] data, int length) {
    int at = ByteSearch.indexOf(data, 0, length, END_OF_HEADERS);
    return at < 0 ? -1 : at + END_OF_HEADERS.length;
  }

  /** The server's answer to the upgrade: accepted, or refused with its HTTP status. */
  record Answer(int status, String refusal) {
    boolean accepted() {
      return refusal == null;
    }
  }

  /** Checks the answer's head (status line and headers, up to the blank line). */
  Answer check(String head) {
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
      return new Answer(-1, "not an HTTP answer: " + lines[0]);
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      return new Answer(-1, "not an HTTP status: " + lines[0]);
    }
    if (status != 101) {
      return new Answer(status, "HTTP " + status);
    }
    String upgrade = null;
    String connection = null;
    String accept = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "upgrade" -> upgrade = value;
        case "connection" -> connection = value;
        case "sec-websocket-accept" -> accept = value;
        default -> {}
      }
    }
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      return new Answer(status, "101 without Upgrade: websocket");
    }
    if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
      return new Answer(status, "101 without Connection: Upgrade");
    }
    if (!expectedAccept(key).equals(accept)) {
      return new Answer(status, "wrong Sec-WebSocket-Accept");
    }
    return new Answer(status, null);
  }

  static String expectedAccept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
