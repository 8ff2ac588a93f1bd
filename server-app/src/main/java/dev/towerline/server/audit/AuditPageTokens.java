package dev.towerline.server.audit;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Opaque page tokens for the audit log: the id of the last entry of the page, a fingerprint of the
 * filters it was issued for, and a checksum so a garbled token is refused rather than read as
 * another position. Not signed: a forged token only moves within a log the admin may read anyway.
 */
final class AuditPageTokens {
  private static final String PREFIX = "a1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String GARBLED = "page_token is not valid for this listing";

  private AuditPageTokens() {}

  static String encode(AuditQuery query, long lastId) {
    String plain = PREFIX + "|" + hash(query.fingerprint()) + "|" + lastId;
    return ENCODER.encodeToString((plain + "|" + hash(plain)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the id the next page starts below
   * @throws ApiException INVALID_PAGE_TOKEN when garbled or issued for other filters
   */
  static long decode(String token, AuditQuery query) {
    String plain;
    try {
      plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(GARBLED);
    }
    int check = plain.lastIndexOf('|');
    if (check < 0 || !plain.substring(check + 1).equals(hash(plain.substring(0, check)))) {
      throw invalid(GARBLED);
    }
    String[] parts = plain.substring(0, check).split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw invalid(GARBLED);
    }
    if (!parts[1].equals(hash(query.fingerprint()))) {
      throw invalid("page_token was issued for other filters; keep them unchanged while paging");
    }
    try {
      return Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw invalid(GARBLED);
    }
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_PAGE_TOKEN, message, Map.of("parameter", "page_token"));
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
