package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineMarkdownTest {

  @Test
  void rendersCodeBoldEmphasisAndLinksWithoutAParagraph() {
    assertThat(InlineMarkdown.render("**Closing.** Send `pong` with *the* [nonce](ping.md#nonce)."))
        .isEqualTo("<strong>Closing.</strong> Send <code>pong</code> with <em>the</em> "
            + "<a href=\"ping.html#nonce\">nonce</a>.");
  }

  @Test
  void escapesAScriptTagInPlainText() {
    assertThat(InlineMarkdown.render("Before <script>alert(1)</script> after"))
        .isEqualTo("Before &lt;script&gt;alert(1)&lt;/script&gt; after")
        .doesNotContain("<script");
  }

  @Test
  void escapesMarkupInsideCodeSpansAndLinkLabels() {
    assertThat(InlineMarkdown.render("`<img src=x onerror=alert(1)>` and [<b>x</b>](a.html)"))
        .isEqualTo("<code>&lt;img src=x onerror=alert(1)&gt;</code> and <a href=\"a.html\">&lt;b&gt;x&lt;/b&gt;</a>");
  }

  @Test
  void dropsTheTargetOfAJavascriptLink() {
    assertThat(InlineMarkdown.render("[click](javascript:alert(1))"))
        .doesNotContain("javascript")
        .contains("click");
  }

  @Test
  void cannotBreakOutOfTheHrefAttribute() {
    assertThat(InlineMarkdown.render("[x](<a.html\"onmouseover=\"alert(1)>)"))
        .doesNotContain("\"onmouseover");
  }

  @Test
  void keepsUnmatchedMarkersAsText() {
    assertThat(InlineMarkdown.render("2 * 3 = 6, `open and **half")).isEqualTo("2 * 3 = 6, `open and **half");
  }
}
