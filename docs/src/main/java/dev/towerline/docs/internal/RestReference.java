package dev.towerline.docs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code api/rest.html}: the page openapi-generator's {@code html2} generator wrote from
 * openapi.yaml earlier in the build (phase {@code generate-resources}). It is taken as it is,
 * except that its CSS {@code @import} of a web font is dropped: the page bundles its scripts and
 * styles, and that import was the one thing it fetched from the network (the monospace fallback
 * looks the same offline).
 */
final class RestReference {
  static final String FILE = "api/rest.html";
  private static final Pattern REMOTE_IMPORT = Pattern.compile("@import\\s+url\\(\\s*['\"]?https?://[^)]*\\)\\s*;?");

  private RestReference() {}

  static String read(Path html2Page) throws IOException {
    if (!Files.isRegularFile(html2Page)) {
      throw new IllegalStateException("No REST reference at " + html2Page
          + ": the html2 execution of openapi-generator-maven-plugin (generate-resources) must run first");
    }
    return withoutRemoteImports(Files.readString(html2Page));
  }

  static String withoutRemoteImports(String html) {
    return REMOTE_IMPORT.matcher(html).replaceAll("");
  }
}
