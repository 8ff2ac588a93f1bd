package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestReferenceTest {

  @Test
  void pageLoadsSwaggerUiFromTheWebJarFolderAndItsOwnStartScript() {
    String html = RestReference.render("1.1.0");

    assertThat(html)
        .contains("<link rel=\"stylesheet\" href=\"../webjars/swagger-ui/swagger-ui.css\">")
        .contains("<script src=\"../webjars/swagger-ui/swagger-ui-bundle.js\"></script>")
        .contains("<script src=\"rest.js\"></script>")
        .contains("<div id=\"swagger-ui\">")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void startScriptTurnsOffTheValidatorAndPointsAtThePublishedSpec() {
    String script = RestReference.script();

    assertThat(script)
        .contains("url: \"/api/v1/openapi.yaml\"")
        .contains("validatorUrl: null")
        .contains("tryItOutEnabled: true")
        .contains("filter: true")
        .contains("requestInterceptor: toThisServer")
        .doesNotContain("${specUrl}")
        .doesNotContain("petstore");
  }

  @Test
  void theWebJarOnTheClassPathHasEveryFileThePageLoads() {
    String version = RestReference.checkedAssetsVersion();

    assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
    for (String file : RestReference.ASSET_FILES) {
      assertThat(getClass().getResource("/META-INF/resources/webjars/swagger-ui/" + version + "/" + file)).isNotNull();
    }
  }
}
