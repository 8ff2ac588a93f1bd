package dev.towerline.server.executions;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Opaque page tokens for executions: the keyset cursor, a fingerprint of the filters and order it
 * was issued for, and a checksum so a truncated or garbled token is refused rather than read as
 * another position. Not signed: a forged token can only skip to another place in a listing the
 * client may read anyway.
 */
final class ExecutionPageTokens {
  private static final String PREFIX = "x1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private ExecutionPageTokens() {}

  static String encode(ExecutionQuery query, ExecutionCursor cursor) {
    String plain = PREFIX + "|" + fingerprint(query) + "|" + cursor.createdAt().getEpochSecond() + "|"
        + cursor.createdAt().getNano() + "|" + cursor.id();
    return ENCODER.encodeToString((plain + "|" + hash(plain)).getBytes(StandardCharsets.UTF_8));
  }

  /** @throws ApiException INVALID_PAGE_TOKEN when garbled or issued for another query */
  static ExecutionCursor decode(String token, ExecutionQuery query) {
    String plain;
    try {
      plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("page_token is not valid for this listing");
    }
    int check = plain.lastIndexOf('|');
    if (check < 0 || !plain.substring(check + 1).equals(hash(plain.substring(0, check)))) {
      throw invalid("page_token is not valid for this listing");
    }
    String[] parts = plain.substring(0, check).split("\\|", 5);
    if (parts.length != 5 || !parts[0].equals(PREFIX) || parts[4].isEmpty()) {
      throw invalid("page_token is not valid for this listing");
    }
    if (!parts[1].equals(fingerprint(query))) {
      throw invalid("page_token was issued for other filters or sort order; keep them unchanged while paging");
    }
    try {
      return new ExecutionCursor(Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3])), parts[4]);
    } catch (RuntimeException e) {
      throw invalid("page_token is not valid for this listing");
    }
  }

  private static String fingerprint(ExecutionQuery query) {
    return hash(query.fingerprint());
  }

  private static String hash(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_PAGE_TOKEN, message, Map.of("parameter", "page_token"));
  }
}
