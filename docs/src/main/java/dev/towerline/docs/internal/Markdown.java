package dev.towerline.docs.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown of the guides and of the contract's descriptions, rendered by commonmark-java
 * (CommonMark plus GFM tables; headings get GitHub-style ids and a {@code #} self-link). Raw HTML
 * is shown as text, {@code javascript:} and other unsafe link targets are dropped, and links to
 * {@code .md} files point at the rendered {@code .html} pages, so guides link to each other by
 * their Markdown file names and the links work both on GitHub and on the served site.
 */
final class Markdown {
  private static final Pattern TITLE = Pattern.compile("^#\\s+(.*?)\\s*#*\\s*$");
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer BLOCKS = renderer(false);
  private static final HtmlRenderer INLINE = renderer(true);

  private Markdown() {}

  private static HtmlRenderer renderer(boolean inline) {
    return HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .escapeHtml(true)
        .sanitizeUrls(true)
        .omitSingleParagraphP(inline)
        .attributeProviderFactory(context -> MARKDOWN_LINKS_TO_PAGES)
        .nodeRendererFactory(AnchoredHeadingRenderer::new)
        .build();
  }

  private static final AttributeProvider MARKDOWN_LINKS_TO_PAGES = (node, tagName, attributes) -> {
    if (node instanceof Link && attributes.containsKey("href")) {
      String href = htmlTarget(attributes.get("href"));
      attributes.put("href", href);
      // URL sanitizing marks every link nofollow; the site's own pages are no strangers.
      if (!href.contains("://")) {
        attributes.remove("rel");
      }
    }
  };

  /** Block Markdown (a guide, a description) to HTML. */
  static String render(String text) {
    return BLOCKS.render(PARSER.parse(text));
  }

  /** One paragraph of Markdown (a summary, a table cell) to HTML without the {@code <p>} around it. */
  static String inline(String text) {
    return INLINE.render(PARSER.parse(text)).strip();
  }

  /** The text of the first level-1 heading, if the document has one. */
  static Optional<String> title(String text) {
    return text.lines().map(TITLE::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst();
  }

  /** Text up to the first ". ", for one-line summaries; the whole text if it is one sentence. */
  static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** {@code errors.md#retries} → {@code errors.html#retries}; other targets are kept. */
  static String htmlTarget(String target) {
    if (target.contains("://") || target.startsWith("mailto:")) {
      return target;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? "" : target.substring(hash);
    if (path.endsWith(".md")) {
      path = path.substring(0, path.length() - ".md".length()) + ".html";
    }
    return path + fragment;
  }
}
