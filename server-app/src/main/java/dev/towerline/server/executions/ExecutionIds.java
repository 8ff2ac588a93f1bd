package dev.towerline.server.executions;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Ids like {@code ex_01JD4Z8Q2M7WXYZ...}: {@code ex_} plus 26 Crockford base-32 characters, 48 bits
 * of milliseconds then 80 random bits (the ULID layout), so ids sort roughly by creation and never
 * collide across restarts or instances.
 */
final class ExecutionIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  // One generator per thread: the default one (NativePRNG) serialises every caller on one global
  // lock, and a create that waited there behind a descheduled holder lost milliseconds.
  private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(ExecutionIds::newGenerator);

  String next(Instant now) {
    char[] out = new char[26];
    long millis = now.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    byte[] bytes = new byte[10];
    random.get().nextBytes(bytes);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 5; i++) {
      high = (high << 8) | (bytes[i] & 0xff);
      low = (low << 8) | (bytes[i + 5] & 0xff);
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (high & 31)];
      high >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low >>>= 5;
    }
    return "ex_" + new String(out);
  }

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime since 9 has DRBG", e);
    }
  }
}
