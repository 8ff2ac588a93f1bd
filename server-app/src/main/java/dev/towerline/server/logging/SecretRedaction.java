package dev.towerline.server.logging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Replaces credentials in text with {@value #REDACTED}: {@code Authorization} header values,
 * {@code Bearer <token>}, {@code access_token} and {@code ticket} query values, {@code access_token}
 * JSON values, and anything shaped like a Towerline token or feed ticket ({@code tl_} or {@code ft_}
 * and 43 more characters) wherever it was pasted.
 */
public final class SecretRedaction {
  public static final String REDACTED = "[redacted]";

  private static final List<Rule> RULES =
      List.of(
          new Rule("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\r\\n,}\\]]+", "$1" + REDACTED),
          new Rule("(?i)(bearer\\s+)[A-Za-z0-9._~+/-]+=*", "$1" + REDACTED),
          new Rule("(?i)((?:access_token|ticket)(?:=|%3D))[^&\\s\"'#]+", "$1" + REDACTED),
          new Rule("(?i)(\"access_token\"\\s*:\\s*\")[^\"]*", "$1" + REDACTED),
          new Rule("\\b(tl_|ft_)[A-Za-z0-9_-]{20,}", "$1" + REDACTED));

  private SecretRedaction() {}

  /** {@code text} with every credential replaced; the same string when it holds none. */
  public static String redact(String text) {
    if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      result = rule.pattern.matcher(result).replaceAll(rule.replacement);
    }
    return result;
  }

  /**
   * Whether {@code text} holds a word every rule needs to match: authorization, bearer,
   * access_token, ticket, tl_ or ft_, ASCII letters in any case. Most lines hold none and are passed
   * through without running the rules. A plain scan keyed on the first letter: every value of every
   * log line passes here, and a case-insensitive regex alternation cost microseconds per line.
   */
  private static boolean mayHoldSecret(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i) | 0x20) {
        case 'a':
          if (startsAt(text, i, "authorization") || startsAt(text, i, "access_token")) {
            return true;
          }
          break;
        case 'b':
          if (startsAt(text, i, "bearer")) {
            return true;
          }
          break;
        case 't':
          if (startsAt(text, i, "ticket") || startsAt(text, i, "tl_")) {
            return true;
          }
          break;
        case 'f':
          if (startsAt(text, i, "ft_")) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** Whether {@code lowerHint} starts at {@code from}, its letters in either ASCII case. */
  private static boolean startsAt(String text, int from, String lowerHint) {
    if (from + lowerHint.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < lowerHint.length(); k++) {
      char hint = lowerHint.charAt(k);
      char c = text.charAt(from + k);
      boolean letter = hint >= 'a' && hint <= 'z';
      if (c != hint && !(letter && (c | 0x20) == hint)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a query or form parameter of this name carries a credential, so its value is never echoed. */
  public static boolean isSecretParameter(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("access_token") || lower.equals("ticket");
  }

  private record Rule(Pattern pattern, String replacement) {
    Rule(String regex, String replacement) {
      this(Pattern.compile(regex), replacement);
    }
  }
}
