package dev.towerline.docs;

import dev.towerline.docs.internal.SiteGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the docs site. Run by the build (see docs/pom.xml, phase {@code process-classes}) with
 * three arguments: the api-spec directory, the guides directory and the site directory to write
 * (inside the classes, so the jar carries the site and the server serves it at {@code /docs/}).
 */
public final class DocsSite {
  private static final System.Logger LOG = System.getLogger(DocsSite.class.getName());

  private DocsSite() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: DocsSite <api-spec dir> <guides dir> <site dir>; got " + List.of(args));
    }
    Path site = Path.of(args[2]).toAbsolutePath().normalize();
    List<String> files = new SiteGenerator(Path.of(args[0]), Path.of(args[1])).writeTo(site);
    // The one line a developer needs from this run: where to point the browser.
    LOG.log(
        System.Logger.Level.INFO,
        "Docs site: {0} files in {1} (open {2})",
        files.size(),
        site,
        site.resolve("index.html").toUri());
  }
}
