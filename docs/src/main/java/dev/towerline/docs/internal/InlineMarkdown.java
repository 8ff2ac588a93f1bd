package dev.towerline.docs.internal;

/**
 * One line of Markdown from the contract (a summary, a field description, a table cell) as
 * inline HTML, by the same rules as {@link Markdown}.
 */
final class InlineMarkdown {
  private InlineMarkdown() {}

  static String render(String text) {
    return Markdown.inline(text);
  }
}
