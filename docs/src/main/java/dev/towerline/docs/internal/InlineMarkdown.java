package dev.towerline.docs.internal;

import java.util.Locale;

/**
 * Inline Markdown: {@code `code`}, {@code **bold**}, {@code *emphasis*} and {@code [text](target)}. Everything else is
 * escaped text. Links to {@code .md} files become links to the rendered {@code .html} page, and
 * only http(s), mailto, fragment and relative targets are linked, so a description cannot smuggle
 * a {@code javascript:} URL into the site.
 */
final class InlineMarkdown {
  private InlineMarkdown() {}

  static String render(String text) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int next = renderSpan(text, i, out);
      if (next > i) {
        i = next;
      } else {
        out.append(Html.escape(String.valueOf(text.charAt(i))));
        i++;
      }
    }
    return out.toString();
  }

  /** Renders a code span, bold span or link starting at {@code i}; returns {@code i} if none does. */
  private static int renderSpan(String text, int i, StringBuilder out) {
    char c = text.charAt(i);
    if (c == '`') {
      int end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        out.append(Html.code(text.substring(i + 1, end)));
        return end + 1;
      }
    } else if (text.startsWith("**", i)) {
      int end = text.indexOf("**", i + 2);
      if (end > i + 2) {
        out.append("<strong>").append(render(text.substring(i + 2, end))).append("</strong>");
        return end + 2;
      }
    } else if (c == '*' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
      int end = text.indexOf('*', i + 1);
      if (end > i + 1 && !Character.isWhitespace(text.charAt(end - 1))) {
        out.append("<em>").append(render(text.substring(i + 1, end))).append("</em>");
        return end + 1;
      }
    } else if (c == '[') {
      return renderLink(text, i, out);
    }
    return i;
  }

  private static int renderLink(String text, int i, StringBuilder out) {
    int labelEnd = text.indexOf("](", i + 1);
    int targetEnd = labelEnd < 0 ? -1 : text.indexOf(')', labelEnd + 2);
    if (labelEnd <= i + 1 || targetEnd < 0) {
      return i;
    }
    String target = text.substring(labelEnd + 2, targetEnd).trim();
    if (target.isEmpty() || target.contains(" ") || !isSafeTarget(target)) {
      return i;
    }
    String label = render(text.substring(i + 1, labelEnd));
    out.append("<a href=\"").append(Html.escape(htmlTarget(target))).append("\">")
        .append(label).append("</a>");
    return targetEnd + 1;
  }

  static boolean isSafeTarget(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    int slash = lower.indexOf('/');
    boolean relative = colon < 0 || (slash >= 0 && slash < colon) || lower.startsWith("#");
    return relative
        || lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:");
  }

  /** {@code errors.md#retries} → {@code errors.html#retries}; other targets are kept. */
  static String htmlTarget(String target) {
    if (target.contains("://")) {
      return target;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? "" : target.substring(hash);
    if (path.endsWith(".md")) {
      path = path.substring(0, path.length() - 3) + ".html";
    }
    return path + fragment;
  }
}
