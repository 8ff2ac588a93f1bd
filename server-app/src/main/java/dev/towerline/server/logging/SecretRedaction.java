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
  // Most lines hold none of these words; they are passed through without running the rules.
  // Every rule needs one of them (case-insensitively) to match.
  private static final List<String> HINTS = List.of("authorization", "bearer", "access_token", "ticket", "tl_", "ft_");

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
   * Whether {@code text} holds one of the {@link #HINTS}. A plain scan: every value of every log
   * line passes here, and a case-insensitive regex alternation costs several times as much.
   */
  private static boolean mayHoldSecret(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'a' || c == 'A' || c == 'b' || c == 'B' || c == 't' || c == 'T' || c == 'f' || c == 'F') {
        for (String hint : HINTS) {
          if (text.regionMatches(true, i, hint, 0, hint.length())) {
            return true;
          }
        }
      }
    }
    return false;
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
