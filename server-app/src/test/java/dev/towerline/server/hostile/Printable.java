package dev.towerline.server.hostile;

/** Text as a failure message can show it: control characters, surrogates and non-ASCII escaped, long text cut. */
final class Printable {
  private static final int MAX_CHARS = 600;

  private Printable() {}

  static String of(String text) {
    if (text == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (out.length() >= MAX_CHARS && text.length() > MAX_CHARS) {
      out.append("… (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
