package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void rendersHeadingsWithAnchorsParagraphsAndLists() {
    String html = Markdown.render("# Title\n\nOne\nparagraph.\n\n- a\n- b `c`\n\n1. first\n2. second\n");

    assertThat(html).isEqualTo("<h1 id=\"title\">Title <a class=\"anchor\" href=\"#title\" "
        + "aria-label=\"Link to this section\">#</a></h1>\n<p>One\nparagraph.</p>\n"
        + "<ul>\n<li>a</li>\n<li>b <code>c</code></li>\n</ul>\n"
        + "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n");
  }

  @Test
  void givesRepeatedHeadingsDistinctGitHubStyleIds() {
    String html = Markdown.render("## Close codes (1012, 1001)\n\n## Retry\n\n## Retry\n");

    assertThat(html).contains("<h2 id=\"close-codes-1012-1001\">", "<h2 id=\"retry\">", "<h2 id=\"retry-1\">");
  }

  @Test
  void rendersAGfmTableWithEscapedPipesInsideCodeSpans() {
    String html = Markdown.render("| Variable | Default |\n|---|---|\n| `A` | `x\\|y` |\n");

    assertThat(html).isEqualTo("<table>\n<thead>\n<tr>\n<th>Variable</th>\n<th>Default</th>\n</tr>\n</thead>\n"
        + "<tbody>\n<tr>\n<td><code>A</code></td>\n<td><code>x|y</code></td>\n</tr>\n</tbody>\n</table>\n");
  }

  @Test
  void escapesHtmlInFencedCodeBlocksAndDoesNotRenderMarkdownThere() {
    String html = Markdown.render("```js\nif (a < b && **c**) {}\n```\n");

    assertThat(html).isEqualTo("<pre><code class=\"language-js\">if (a &lt; b &amp;&amp; **c**) {}\n</code></pre>\n");
  }

  @Test
  void showsRawHtmlAsText() {
    assertThat(Markdown.render("<script>alert(1)</script>"))
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  }

  @Test
  void pointsLinksToMarkdownFilesAtTheirPages() {
    assertThat(Markdown.render("See [errors](errors.md#retries), [x](https://example.org/a.md) and [c](c.md)."))
        .contains("<a href=\"errors.html#retries\">errors</a>")
        .contains("<a rel=\"nofollow\" href=\"https://example.org/a.md\">x</a>")
        .contains("<a href=\"c.html\">c</a>");
  }

  @Test
  void findsTheTitleAndFirstSentence() {
    assertThat(Markdown.title("intro\n# The title\n## Not this")).contains("The title");
    assertThat(Markdown.firstSentence("One thing. Another.")).isEqualTo("One thing.");
  }
}
