package dev.towerline.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code Deprecation}, {@code Sunset} and {@code Link} headers. */
public final class DeprecationHeaders {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;[^,<]*)*)");

  private DeprecationHeaders() {}

  /** RFC 9745 {@code @<epoch seconds>}; null when absent or not that form. */
  public static Instant deprecatedAt(String header) {
    if (header == null || !header.trim().matches("@-?[0-9]{1,18}")) {
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(header.trim().substring(1)));
  }

  /** RFC 8594 HTTP-date; null when absent or unreadable. */
  public static Instant sunset(String header) {
    if (header == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** The target of the {@code rel="deprecation"} link, else of the first link; null if none. */
  public static String link(List<String> headers, URI context) {
    String link = link(headers);
    return link == null ? null : resolve(link, context);
  }

  /**
   * A link as RFC 8288 reads it: relative to the answer's URL (the server's own {@code
   * /docs/guides/…}), so that it can be opened as it is; a link that is not a URI stays as sent.
   */
  static String resolve(String link, URI context) {
    try {
      return context.resolve(new URI(link)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return link;
    }
  }

  public static String link(List<String> headers) {
    String first = null;
    for (String header : headers) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        if (link.group(2).matches("(?i).*rel\\s*=\\s*\"?deprecation\"?.*")) {
          return link.group(1);
        }
        if (first == null) {
          first = link.group(1);
        }
      }
    }
    return first;
  }
}
