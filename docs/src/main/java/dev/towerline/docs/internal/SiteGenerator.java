package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Assembles the whole site in one directory: the REST reference page (Swagger UI), the WebSocket
 * reference, the error table, what changed since the last release, the guides, the landing page, the stylesheet and a copy of the raw
 * contract under {@code api/contract/}. Files in the site directory that this run did not write
 * (a deleted guide, say) are removed, so the site is exactly what the sources say.
 */
public final class SiteGenerator {
  private static final Logger LOG = Logger.getLogger(SiteGenerator.class.getName());
  private static final String CONTRACT_DIR = "api/contract/";

  private final Contract contract;
  private final Path guidesDir;
  /** Site-relative path → content, written in one go at the end. */
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  /**
   * @param specDir the api-spec directory holding openapi.yaml, asyncapi.yaml and schemas/
   * @param guidesDir the directory of guide Markdown files
   */
  public SiteGenerator(Path specDir, Path guidesDir) {
    this.contract = new Contract(specDir);
    this.guidesDir = guidesDir;
  }

  /** Renders every page and writes the site into {@code siteDir}; returns the files, site-relative. */
  public List<String> writeTo(Path siteDir) throws IOException {
    render();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = siteDir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
      LOG.fine(() -> "Wrote " + target + " (" + file.getValue().length + " bytes)");
    }
    pruneStaleFiles(siteDir);
    return new ArrayList<>(files.keySet());
  }

  private void render() throws IOException {
    JsonNode openApi = contract.openApi();
    String version = openApi.path("info").path("version").asText();
    List<GuidePages.Guide> guides = GuidePages.read(guidesDir);
    RestReference.checkedAssetsVersion();
    put(PageLayout.STYLESHEET, SiteResources.text(PageLayout.STYLESHEET));
    put(IndexPage.FILE, IndexPage.render(openApi, contract.asyncApi(), guides));
    put(RestReference.FILE, RestReference.render(version));
    put(RestReference.SCRIPT, RestReference.script());
    put(WebSocketPage.FILE, new WebSocketPage(contract).render());
    put(ErrorCodesPage.FILE, new ErrorCodesPage(contract).render());
    put(ChangesPage.FILE, new ChangesPage(contract.specDir(), Clock.systemUTC()).render(version));
    guides.forEach(guide -> put(guide.file(), GuidePages.render(guide, version)));
    copyContract();
  }

  private void copyContract() throws IOException {
    Path specDir = contract.specDir();
    List<Path> sources = new ArrayList<>();
    sources.add(specDir.resolve(Contract.OPENAPI));
    sources.add(specDir.resolve(Contract.ASYNCAPI));
    try (Stream<Path> schemas = Files.list(specDir.resolve(Contract.SCHEMAS))) {
      schemas.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(sources::add);
    }
    for (Path source : sources) {
      files.put(CONTRACT_DIR + contract.relative(source), Files.readAllBytes(source));
    }
  }

  private void pruneStaleFiles(Path siteDir) throws IOException {
    try (Stream<Path> all = Files.walk(siteDir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        String relative = siteDir.relativize(path).toString().replace('\\', '/');
        boolean stale = Files.isRegularFile(path)
            ? !files.containsKey(relative)
            : isEmptyDir(path) && !path.equals(siteDir);
        if (stale) {
          LOG.info(() -> "Removing stale " + path);
          Files.delete(path);
        }
      }
    }
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private void put(String file, String html) {
    files.put(file, html.getBytes(StandardCharsets.UTF_8));
  }


}
