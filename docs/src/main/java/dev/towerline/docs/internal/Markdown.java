package dev.towerline.docs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown subset the guides and the contract descriptions use: ATX headings, paragraphs,
 * flat bullet and numbered lists, pipe tables, fenced code blocks, and {@link InlineMarkdown}
 * inside them. Raw HTML is not passed through; it is shown as text.
 */
final class Markdown {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d+[.)]\\s+(.*)$");
  private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

  private final List<String> lines;
  private final StringBuilder out = new StringBuilder();
  private int at;

  private Markdown(String text) {
    this.lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
  }

  static String render(String text) {
    return new Markdown(text).renderBlocks();
  }

  /** The text of the first level-1 heading, if the document has one. */
  static java.util.Optional<String> title(String text) {
    return text.lines()
        .map(HEADING::matcher)
        .filter(m -> m.matches() && m.group(1).length() == 1)
        .map(m -> m.group(2))
        .findFirst();
  }

  /** Text up to the first ". ", for one-line summaries; the whole text if it is one sentence. */
  static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private String renderBlocks() {
    while (at < lines.size()) {
      String line = lines.get(at);
      if (line.isBlank()) {
        at++;
      } else if (line.trim().startsWith("```")) {
        codeBlock(line.trim().substring(3).trim());
      } else if (HEADING.matcher(line).matches()) {
        heading(line);
      } else if (isTableStart()) {
        table();
      } else if (BULLET.matcher(line).matches()) {
        list("ul", BULLET);
      } else if (NUMBERED.matcher(line).matches()) {
        list("ol", NUMBERED);
      } else {
        paragraph();
      }
    }
    return out.toString();
  }

  private void heading(String line) {
    Matcher m = HEADING.matcher(line);
    m.matches();
    int level = m.group(1).length();
    String text = m.group(2);
    out.append("<h").append(level).append(" id=\"").append(Html.slug(text)).append("\">")
        .append(InlineMarkdown.render(text)).append("</h").append(level).append(">\n");
    at++;
  }

  private void codeBlock(String language) {
    at++;
    StringBuilder code = new StringBuilder();
    while (at < lines.size() && !lines.get(at).trim().startsWith("```")) {
      code.append(lines.get(at)).append('\n');
      at++;
    }
    at++; // the closing fence, or past the end of an unclosed block
    String cls = language.isEmpty() ? "" : " class=\"language-" + Html.escape(language) + "\"";
    out.append("<pre><code").append(cls).append(">").append(Html.escape(code.toString()))
        .append("</code></pre>\n");
  }

  private boolean isTableStart() {
    return lines.get(at).trim().startsWith("|")
        && at + 1 < lines.size()
        && TABLE_RULE.matcher(lines.get(at + 1)).matches();
  }

  private void table() {
    out.append("<table>\n<thead><tr>");
    for (String cell : cells(lines.get(at))) {
      out.append("<th>").append(InlineMarkdown.render(cell)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    at += 2;
    while (at < lines.size() && lines.get(at).trim().startsWith("|")) {
      out.append("<tr>");
      for (String cell : cells(lines.get(at))) {
        out.append("<td>").append(InlineMarkdown.render(cell)).append("</td>");
      }
      out.append("</tr>\n");
      at++;
    }
    out.append("</tbody>\n</table>\n");
  }

  /** Splits a table row on pipes that are neither escaped ({@code \|}) nor inside a code span. */
  static List<String> cells(String row) {
    String trimmed = row.trim();
    if (trimmed.startsWith("|")) {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean inCode = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '\\' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|' && !inCode) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        inCode ^= c == '`';
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  private void list(String tag, Pattern marker) {
    out.append('<').append(tag).append(">\n");
    List<String> items = new ArrayList<>();
    while (at < lines.size()) {
      String line = lines.get(at);
      Matcher m = marker.matcher(line);
      if (m.matches()) {
        items.add(m.group(1));
      } else if (!line.isBlank() && Character.isWhitespace(line.charAt(0)) && !items.isEmpty()) {
        int last = items.size() - 1;
        items.set(last, items.get(last) + "\n" + line.trim());
      } else {
        break;
      }
      at++;
    }
    for (String item : items) {
      out.append("<li>").append(InlineMarkdown.render(item)).append("</li>\n");
    }
    out.append("</").append(tag).append(">\n");
  }

  private void paragraph() {
    StringBuilder text = new StringBuilder();
    while (at < lines.size() && startsNoOtherBlock(lines.get(at))) {
      text.append(text.length() == 0 ? "" : "\n").append(lines.get(at).trim());
      at++;
    }
    out.append("<p>").append(InlineMarkdown.render(text.toString())).append("</p>\n");
  }

  private boolean startsNoOtherBlock(String line) {
    return !line.isBlank()
        && !line.trim().startsWith("```")
        && !HEADING.matcher(line).matches()
        && !BULLET.matcher(line).matches()
        && !NUMBERED.matcher(line).matches()
        && !isTableStart();
  }
}
