package dev.towerline.docs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files kept next to the generator in this package (stylesheet, scripts). */
final class SiteResources {
  private SiteResources() {}

  static String text(String name) {
    try (InputStream in = SiteResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + name + " next to " + SiteResources.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
