package dev.towerline.server.text;

import java.util.Optional;

/**
 * Whether a client's text can be taken: valid Unicode, i.e. encodable as UTF-8 (JSON's {@code
 * \ud800} escape gives a string with a lone UTF-16 surrogate, which every encoder refuses), and
 * free of U+0000, which the stores and the shell cannot hold.
 */
public final class UnicodeText {
  private static final char REPLACEMENT = '\uFFFD';

  /** Why a client's text cannot be taken, for example "is not valid Unicode text". */
  public static final String NOT_UNICODE = "is not valid Unicode text";

  public static final String HAS_NUL = "must not contain the NUL character (U+0000)";

  private UnicodeText() {}

  /**
   * Why {@code text} cannot be stored or sent as it is: a lone surrogate (no encoder takes it) or
   * U+0000 (PostgreSQL text and C strings, such as a shell command, cannot hold it); empty when
   * it can.
   */
  public static Optional<String> refusal(CharSequence text) {
    if (!isValid(text)) {
      return Optional.of(NOT_UNICODE);
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == 0) {
        return Optional.of(HAS_NUL);
      }
    }
    return Optional.empty();
  }

  /** True unless {@code text} holds a surrogate that is not part of a high-low pair. */
  public static boolean isValid(CharSequence text) {
    return firstLoneSurrogate(text) < 0;
  }

  /** {@code text} with every lone surrogate replaced by U+FFFD, safe to echo back to a client. */
  public static String printable(String text) {
    if (isValid(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isPairAt(text, i)) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  /** The index of the first surrogate in {@code text} that is not part of a high-low pair, or -1 when there is none. */
  public static int firstLoneSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isPairAt(text, i)) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** True when a high surrogate at {@code i} is followed by a low one: a pair, one code point. */
  public static boolean isPairAt(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
  }
}
