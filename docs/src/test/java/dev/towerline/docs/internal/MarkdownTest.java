package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void rendersHeadingsParagraphsAndLists() {
    String html = Markdown.render("# Title\n\nOne\nparagraph.\n\n- a\n- b `c`\n\n1. first\n2. second\n");

    assertThat(html).isEqualTo("<h1 id=\"title\">Title</h1>\n<p>One\nparagraph.</p>\n"
        + "<ul>\n<li>a</li>\n<li>b <code>c</code></li>\n</ul>\n"
        + "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n");
  }

  @Test
  void rendersATableWithPipesInsideCodeSpans() {
    String html = Markdown.render("| Variable | Default |\n|---|---|\n| `A` | `x|y` |\n");

    assertThat(html).isEqualTo("<table>\n<thead><tr><th>Variable</th><th>Default</th></tr></thead>\n<tbody>\n"
        + "<tr><td><code>A</code></td><td><code>x|y</code></td></tr>\n</tbody>\n</table>\n");
  }

  @Test
  void escapesHtmlInFencedCodeBlocksAndDoesNotRenderMarkdownThere() {
    String html = Markdown.render("```js\nif (a < b && **c**) {}\n```\n");

    assertThat(html).isEqualTo("<pre><code class=\"language-js\">if (a &lt; b &amp;&amp; **c**) {}\n</code></pre>\n");
  }

  @Test
  void showsRawHtmlBlocksAsText() {
    assertThat(Markdown.render("<script>alert(1)</script>"))
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  }

  @Test
  void findsTheTitleAndFirstSentence() {
    assertThat(Markdown.title("intro\n# The title\n## Not this")).contains("The title");
    assertThat(Markdown.firstSentence("One thing. Another.")).isEqualTo("One thing.");
  }
}
