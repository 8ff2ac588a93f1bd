package dev.towerline.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClasspathFolderTest {
  private final ClasspathFolder dashboard = new ClasspathFolder(getClass().getClassLoader(), "dashboard/");

  @Test
  void acceptsOnlyPlainRelativeNames() {
    assertThat(ClasspathFolder.isPlainRelativePath("api/rest.html")).isTrue();
    assertThat(ClasspathFolder.isPlainRelativePath("guides/getting-started.html")).isTrue();
    for (String bad : new String[] {"", "/etc/passwd", "../x.html", "a/../b.html", "a//b.html", "a/", ".hidden",
        "a\\b.html", "a/./b.html", "x.html?y"}) {
      assertThat(ClasspathFolder.isPlainRelativePath(bad)).as(bad).isFalse();
    }
  }

  @Test
  void findsFilesWithAKnownMediaTypeAndNotFolders() {
    assertThat(dashboard.file("index.html")).hasValueSatisfying(f -> assertThat(f.mediaType()).startsWith("text/html"));
    assertThat(dashboard.file("dashboard.css")).hasValueSatisfying(f -> assertThat(f.mediaType()).startsWith("text/css"));
    assertThat(new ClasspathFolder(getClass().getClassLoader(), "META-INF/").file("towerline")).isEmpty();
    assertThat(new ClasspathFolder(getClass().getClassLoader(), "dev/towerline/server/").file("Main.class")).isEmpty();
  }

  @Test
  void findsFilesButNotFoldersInsideAJar() {
    // The Swagger UI WebJar is a jar on the test class path, as every dependency is in the server jar.
    ClasspathFolder webjars = new ClasspathFolder(getClass().getClassLoader(), "META-INF/resources/webjars/");
    String bundle = swaggerUiVersion() + "/swagger-ui-bundle.js";

    assertThat(webjars.file("swagger-ui/" + bundle)).hasValueSatisfying(f -> assertThat(f.content()).isNotEmpty());
    assertThat(webjars.file("swagger-ui/" + swaggerUiVersion())).as("a folder whose name has a dot").isEmpty();
  }

  private String swaggerUiVersion() {
    try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      java.util.Properties pom = new java.util.Properties();
      pom.load(in);
      return pom.getProperty("version");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
