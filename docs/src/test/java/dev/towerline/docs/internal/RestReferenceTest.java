package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestReferenceTest {

  @Test
  void dropsTheRemoteFontImportAndKeepsTheRestOfTheStyle() {
    String html = "<style type=\"text/css\">\n"
        + "    @import url('https://fonts.googleapis.com/css?family=Source+Code+Pro');\n"
        + "    @import url(local.css);\n    body { color: red }\n</style>";

    assertThat(RestReference.withoutRemoteImports(html))
        .isEqualTo("<style type=\"text/css\">\n    \n    @import url(local.css);\n    body { color: red }\n</style>");
  }
}
