package dev.towerline.server.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids: the client's {@code X-Request-Id} when it is usable, a fresh UUID otherwise. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  /** Request property and logging MDC key holding the id. */
  public static final String KEY = "request_id";

  // 1-128 visible ASCII characters: safe to echo in a header, a log line and JSON.
  private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private RequestIds() {}

  /** {@code fromClient} when it is 1-128 visible ASCII characters, else a new UUID. */
  public static String accept(String fromClient) {
    return fromClient != null && USABLE.matcher(fromClient).matches()
        ? fromClient
        : randomUuid().toString();
  }

  /**
   * A version 4 UUID from the thread's own generator. Request ids correlate log lines, they are not
   * secrets, and {@code UUID.randomUUID()} makes every request thread queue on one SecureRandom lock.
   */
  private static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low);
  }
}
