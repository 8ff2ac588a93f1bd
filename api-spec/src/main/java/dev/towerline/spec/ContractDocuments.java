package dev.towerline.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The contract's files: {@code openapi.yaml}, {@code asyncapi.yaml} and the shared JSON Schemas in
 * {@code schemas/}, all read from one base location. Use {@link #bundled()} in tests and the
 * server (the copy inside the api-spec jar) and {@link #inDirectory(Path)} for the source folder.
 */
public final class ContractDocuments {
  public static final String OPENAPI = "openapi.yaml";
  public static final String ASYNCAPI = "asyncapi.yaml";
  public static final String SCHEMAS_DIR = "schemas/";
  /** Where the api-spec jar carries the contract on the classpath. */
  public static final String CLASSPATH_ROOT = "towerline/contract/";

  private final String base;
  private final String displayPrefix;
  private final Path directory;
  private final Map<String, JsonNode> cache = new LinkedHashMap<>();

  private ContractDocuments(String base, String displayPrefix, Path directory) {
    this.base = base;
    this.displayPrefix = displayPrefix;
    this.directory = directory;
  }

  /** The contract as packaged in the api-spec jar. */
  public static ContractDocuments bundled() {
    if (ContractDocuments.class.getClassLoader().getResource(CLASSPATH_ROOT + OPENAPI) == null) {
      throw new IllegalStateException("api-spec jar not on the classpath: no " + CLASSPATH_ROOT + OPENAPI);
    }
    return new ContractDocuments("classpath:" + CLASSPATH_ROOT, "api-spec/", null);
  }

  /** The contract in a source folder such as {@code api-spec/}. */
  public static ContractDocuments inDirectory(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    return new ContractDocuments(dir.toUri().toString(), dir.getFileName() + "/", dir);
  }

  public JsonNode openApi() {
    return read(OPENAPI);
  }

  public JsonNode asyncApi() {
    return read(ASYNCAPI);
  }

  /** A file of the contract by its path relative to the base, e.g. {@code schemas/device.json}. */
  public JsonNode read(String relativePath) {
    return cache.computeIfAbsent(relativePath, p -> Json.read(uri(p)));
  }

  public boolean exists(String relativePath) {
    if (directory != null) {
      return Files.isRegularFile(directory.resolve(relativePath));
    }
    return ContractDocuments.class.getClassLoader().getResource(CLASSPATH_ROOT + relativePath) != null;
  }

  /**
   * Absolute URI of a contract file ({@code file:} or {@code classpath:}), e.g. for loading a
   * schema by URI and JSON pointer.
   */
  public URI uri(String relativePath) {
    return URI.create(base + normalize(relativePath));
  }

  /** The name used in messages, e.g. {@code api-spec/openapi.yaml}. */
  public String displayName(String relativePath) {
    return displayPrefix + relativePath;
  }

  /**
   * Every schema file the contract uses: those referenced from both documents and, transitively,
   * from other schema files; in a source folder also those present but unreferenced.
   */
  public Set<String> schemaFiles() {
    Set<String> found = new TreeSet<>(referencedSchemaFiles());
    if (directory != null) {
      try (Stream<Path> files = Files.list(directory.resolve(SCHEMAS_DIR))) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .forEach(n -> found.add(SCHEMAS_DIR + n));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** Schema files reachable by {@code $ref} from the two documents. */
  public Set<String> referencedSchemaFiles() {
    Set<String> all = new TreeSet<>(schemaFilesReachableFrom(OPENAPI));
    all.addAll(schemaFilesReachableFrom(ASYNCAPI));
    return all;
  }

  /** Schema files reachable by {@code $ref} from one document, directly or through other files. */
  public Set<String> schemaFilesReachableFrom(String document) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    collectFileRefs(read(document), "", todo);
    while (!todo.isEmpty()) {
      String file = todo.pop();
      if (seen.add(file) && exists(file)) {
        collectFileRefs(read(file), SCHEMAS_DIR, todo);
      }
    }
    return seen;
  }

  private static void collectFileRefs(JsonNode document, String relativeTo, Deque<String> into) {
    Json.walk(
        document,
        (pointer, node) -> {
          JsonNode ref = node.get("$ref");
          if (node.isObject() && ref != null && ref.isTextual()) {
            String target = ref.asText();
            int hash = target.indexOf('#');
            String file = hash >= 0 ? target.substring(0, hash) : target;
            if (!file.isEmpty()) {
              into.push(normalize(relativeTo + file));
            }
          }
        });
  }

  private static String normalize(String path) {
    return URI.create(path).normalize().getPath().replaceFirst("^\\./", "");
  }
}
