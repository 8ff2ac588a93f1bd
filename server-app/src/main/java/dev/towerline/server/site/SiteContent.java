package dev.towerline.server.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the browser pages come from on the class path: the docs site the docs module built into
 * its jar, the Swagger UI WebJar the REST page loads (its version read from the WebJar itself),
 * and the dashboard's files in this module's resources.
 */
public final class SiteContent {
  static final String DOCS_FOLDER = "META-INF/towerline/docs/";
  static final String DASHBOARD_FOLDER = "dashboard/";
  /** Where the docs pages expect Swagger UI, relative to the docs site (see docs' RestReference). */
  static final String SWAGGER_UI_PREFIX = "webjars/swagger-ui/";
  static final String INDEX = "index.html";
  private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final Logger log = LoggerFactory.getLogger(SiteContent.class);

  private final ClasspathFolder docs;
  private final Optional<ClasspathFolder> swaggerUi;
  private final ClasspathFolder dashboard;

  private SiteContent(ClasspathFolder docs, Optional<ClasspathFolder> swaggerUi, ClasspathFolder dashboard) {
    this.docs = docs;
    this.swaggerUi = swaggerUi;
    this.dashboard = dashboard;
  }

  /**
   * The pages on {@code classLoader}'s class path. A build without the docs site (a stale docs
   * jar) still starts: {@code /docs/} then answers 404 and this logs why once.
   */
  public static SiteContent fromClasspath(ClassLoader classLoader) {
    SiteContent content = new SiteContent(
        new ClasspathFolder(classLoader, DOCS_FOLDER),
        swaggerUiVersion(classLoader).map(v -> new ClasspathFolder(classLoader, "META-INF/resources/webjars/swagger-ui/" + v + "/")),
        new ClasspathFolder(classLoader, DASHBOARD_FOLDER));
    if (!content.docs.has(INDEX)) {
      log.warn("The docs site is not on the class path ({}{}): /docs/ will answer 404", DOCS_FOLDER, INDEX);
    }
    if (content.swaggerUi.isEmpty()) {
      log.warn("The Swagger UI WebJar is not on the class path: the REST reference page will not load");
    }
    return content;
  }

  /** A file of the docs site; {@code path} is relative to {@code /docs/}, empty for the index. */
  Optional<StaticFile> docs(String path) {
    if (path.startsWith(SWAGGER_UI_PREFIX)) {
      return swaggerUi.flatMap(folder -> folder.file(path.substring(SWAGGER_UI_PREFIX.length())));
    }
    return docs.file(path.isEmpty() ? INDEX : path);
  }

  /** A file of the dashboard; {@code path} is relative to {@code /dashboard/}, empty for the page. */
  Optional<StaticFile> dashboard(String path) {
    return dashboard.file(path.isEmpty() ? INDEX : path);
  }

  private static Optional<String> swaggerUiVersion(ClassLoader classLoader) {
    try (InputStream in = classLoader.getResourceAsStream(SWAGGER_UI_POM)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties pom = new Properties();
      pom.load(in);
      return Optional.ofNullable(pom.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + SWAGGER_UI_POM, e);
    }
  }
}
