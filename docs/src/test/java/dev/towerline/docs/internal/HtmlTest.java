package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
    assertThat(Html.escape("<script>alert(\"x\" & 'y')</script>"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  }

  @Test
  void leavesPlainTextAndNonAsciiAlone() {
    assertThat(Html.escape("server → client, 1–500")).isEqualTo("server → client, 1–500");
  }

  @Test
  void escapesBothHrefAndTextOfALink() {
    assertThat(Html.link("a.html?x=1&y=\"2\"", "<b>"))
        .isEqualTo("<a href=\"a.html?x=1&amp;y=&quot;2&quot;\">&lt;b&gt;</a>");
  }

  @Test
  void slugKeepsFrameNamesReadable() {
    assertThat(Html.slug("device.updated")).isEqualTo("device.updated");
    assertThat(Html.slug("Field mapping (v1)")).isEqualTo("field-mapping-v1");
  }
}
