package dev.towerline.docs.internal;

/** HTML escaping and the few element helpers every page needs. */
final class Html {
  private Html() {}

  /**
   * Escapes text for an element body or a double- or single-quoted attribute value. Escaping the
   * quotes everywhere means one function is safe in both places.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code <code>text</code>} with the text escaped. */
  static String code(String text) {
    return "<code>" + escape(text) + "</code>";
  }

  /** A link whose href and text are both escaped. */
  static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  /**
   * An id usable in {@code id=""} and {@code #fragment}: lower case, runs of anything but letters,
   * digits, dots and underscores become one dash.
   */
  static String slug(String text) {
    String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
