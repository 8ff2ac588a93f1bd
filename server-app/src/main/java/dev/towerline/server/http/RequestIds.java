package dev.towerline.server.http;

import java.util.UUID;
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
        : UUID.randomUUID().toString();
  }
}
