package dev.towerline.docs.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The contract files under {@code api-spec/}, read once each. Resolves {@code $ref}s the way the
 * specs mean them: relative to the file that contains the reference, with an optional JSON
 * pointer fragment ({@code device.json}, {@code ./schemas/ping.json}, {@code #/components/x}).
 */
final class Contract {
  static final String OPENAPI = "openapi.yaml";
  static final String ASYNCAPI = "asyncapi.yaml";
  static final String SCHEMAS = "schemas";

  private final Path specDir;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Map<Path, JsonNode> files = new HashMap<>();

  Contract(Path specDir) {
    this.specDir = specDir.toAbsolutePath().normalize();
  }

  Path specDir() {
    return specDir;
  }

  JsonNode openApi() {
    return read(specDir.resolve(OPENAPI));
  }

  JsonNode asyncApi() {
    return read(specDir.resolve(ASYNCAPI));
  }

  Path asyncApiFile() {
    return specDir.resolve(ASYNCAPI);
  }

  /**
   * A node, the file it was found in (references inside it resolve from there) and its JSON
   * pointer in that file ({@code ""} for the whole file).
   */
  record Located(Path file, String pointer, JsonNode node) {
    /** Identity of a shape: its file and where in the file it is. */
    String key() {
      return file + "#" + pointer;
    }

    /** A node nested inside this one, for rendering only (its pointer is not tracked). */
    Located child(JsonNode child) {
      return new Located(file, pointer + "/?", child);
    }
  }

  /** Reads a YAML or JSON file (JSON is YAML) once and caches it. */
  JsonNode read(Path file) {
    Path key = file.toAbsolutePath().normalize();
    return files.computeIfAbsent(key, path -> {
      try {
        return yaml.readTree(Files.readString(path));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read contract file " + path, e);
      }
    });
  }

  /** Follows {@code $ref} chains from {@code node} (found in {@code file}) to the real schema. */
  Located deref(Path file, JsonNode node) {
    Located at = new Located(file, "/?", node);
    for (int hops = 0; at.node().has("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref loop at " + at.node().get("$ref").asText() + " in " + file);
      }
      at = resolve(at.file(), at.node().get("$ref").asText());
    }
    return at;
  }

  /** Resolves one reference written in {@code from}. */
  Located resolve(Path from, String ref) {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    Path target = filePart.isEmpty() ? from : from.getParent().resolve(filePart).normalize();
    JsonNode node = read(target).at(JsonPointer.compile(pointer));
    if (node.isMissingNode()) {
      throw new IllegalStateException("Unresolvable $ref '" + ref + "' in " + specDir.relativize(from));
    }
    return new Located(target, pointer, node);
  }

  /** The file path relative to the spec directory, with forward slashes, for links and messages. */
  String relative(Path file) {
    return specDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
