package dev.towerline.server.text;

/**
 * Whether Java text is valid Unicode, i.e. can be encoded as UTF-8: JSON's {@code \ud800} escape
 * gives a string with a lone UTF-16 surrogate, which every encoder refuses.
 */
public final class UnicodeText {
  private static final char REPLACEMENT = '\uFFFD';

  private UnicodeText() {}

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
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  private static int firstLoneSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
