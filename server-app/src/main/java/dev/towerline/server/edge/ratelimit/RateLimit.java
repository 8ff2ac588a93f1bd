package dev.towerline.server.edge.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quota: at most {@code requests} in any {@code window}, refilled smoothly (a token bucket of
 * {@code requests} tokens that refills {@code requests} per {@code window}). Written {@code
 * 600/60s}, {@code 100/1m} or {@code 5000/1h}; {@code off} for no limit.
 */
public record RateLimit(long requests, Duration window) {

  /** What a setting says for "no limit". */
  public static final String OFF = "off";
  public static final long MAX_REQUESTS = 1_000_000_000L;
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,10})/([0-9]{1,6})([smh])");

  public RateLimit {
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new IllegalArgumentException("requests must be 1.." + MAX_REQUESTS + ": " + requests);
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("window must be 1 s..1 day: " + window);
    }
  }

  /**
   * The quota {@code text} names, empty for {@code off}.
   *
   * @param variable the setting, named in the message
   * @throws IllegalArgumentException "{@code VARIABLE must be <requests>/<window>... : text}"
   */
  public static Optional<RateLimit> parse(String variable, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals(OFF)) {
      return Optional.empty();
    }
    Matcher matcher = TEXT.matcher(value);
    IllegalArgumentException refusal =
        new IllegalArgumentException(
            variable + " must be <requests>/<window> such as 600/60s, 100/1m or 5000/1h (window 1 s..1 day), or off: " + text);
    if (!matcher.matches()) {
      throw refusal;
    }
    long amount = Long.parseLong(matcher.group(2));
    Duration window =
        switch (matcher.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    try {
      return Optional.of(new RateLimit(Long.parseLong(matcher.group(1)), window));
    } catch (IllegalArgumentException e) {
      throw refusal;
    }
  }

  /** The window in whole seconds, as the {@code RateLimit-Policy} header gives it. */
  public long windowSeconds() {
    return window.toSeconds();
  }

  /** As a setting writes it: {@code 600/60s}. */
  @Override
  public String toString() {
    return requests + "/" + window.toSeconds() + "s";
  }
}
