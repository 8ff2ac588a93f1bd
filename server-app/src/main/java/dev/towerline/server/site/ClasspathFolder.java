package dev.towerline.server.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One folder of the class path served as static files. Only plain relative names are looked up
 * (letters, digits, {@code . _ -} per segment, no {@code ..}, a known extension), so a request
 * can reach nothing outside the folder and never a directory listing. Files found are kept in
 * memory: the set is fixed by the build; misses are not kept, so odd paths cannot grow it.
 */
final class ClasspathFolder {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

  private final ClassLoader classLoader;
  private final String folder;
  private final Map<String, StaticFile> found = new ConcurrentHashMap<>();

  /** {@code folder} is a class path prefix ending in {@code /}, such as {@code META-INF/towerline/docs/}. */
  ClasspathFolder(ClassLoader classLoader, String folder) {
    if (!folder.endsWith("/") || folder.startsWith("/")) {
      throw new IllegalArgumentException("folder must be relative and end in /: " + folder);
    }
    this.classLoader = classLoader;
    this.folder = folder;
  }

  /** The file at {@code relativePath}, if the folder has one with a servable name. */
  Optional<StaticFile> file(String relativePath) {
    if (!isPlainRelativePath(relativePath)) {
      return Optional.empty();
    }
    StaticFile cached = found.get(relativePath);
    if (cached != null) {
      return Optional.of(cached);
    }
    String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    Optional<StaticFile> file = MediaTypes.of(fileName).flatMap(type -> read(relativePath, type));
    file.ifPresent(f -> found.put(relativePath, f));
    return file;
  }

  /** Whether the folder holds {@code relativePath}; for start-up checks. */
  boolean has(String relativePath) {
    return file(relativePath).isPresent();
  }

  static boolean isPlainRelativePath(String path) {
    if (path.isEmpty()) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private Optional<StaticFile> read(String relativePath, String mediaType) {
    URL url = classLoader.getResource(folder + relativePath);
    if (url == null || isDirectory(url)) {
      return Optional.empty();
    }
    try (InputStream in = url.openStream()) {
      return Optional.of(new StaticFile(in.readAllBytes(), mediaType));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + url, e);
    }
  }

  // Class loaders find folders too: on disk (tests, IDEs) and in a jar (its "name/" entry).
  private static boolean isDirectory(URL url) {
    try {
      return switch (url.getProtocol()) {
        case "file" -> !Files.isRegularFile(Path.of(url.toURI()));
        case "jar" -> ((JarURLConnection) url.openConnection()).getJarEntry().isDirectory();
        default -> false;
      };
    } catch (URISyntaxException | IOException e) {
      return true;
    }
  }
}
