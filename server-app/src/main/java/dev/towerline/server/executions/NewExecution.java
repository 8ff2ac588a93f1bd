package dev.towerline.server.executions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A validated request to run {@code command} on a device, its default applied.
 *
 * @param timeoutSeconds 1..86400
 */
public record NewExecution(String deviceSerial, String command, int timeoutSeconds) {
  public NewExecution {
    Objects.requireNonNull(deviceSerial, "deviceSerial");
    Objects.requireNonNull(command, "command");
  }

  /**
   * What "the same body" means for {@code Idempotency-Key}: the request after defaults, so leaving
   * {@code timeout_seconds} out equals sending its default. SHA-256, hex.
   */
  public String fingerprint() {
    // Length-prefixed fields: no separator inside a command can make two requests collide.
    String canonical = deviceSerial.length() + ":" + deviceSerial + "|" + command.length() + ":" + command + "|" + timeoutSeconds;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
