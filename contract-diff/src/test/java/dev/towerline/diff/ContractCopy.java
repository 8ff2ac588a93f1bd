package dev.towerline.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A copy of the shipped contract (api-spec/) in a folder, edited as trees: one mutation per test row. */
final class ContractCopy {
  static final Path SHIPPED = Path.of(System.getProperty("towerline.spec.dir", "../api-spec")).toAbsolutePath().normalize();

  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final Path dir;

  private ContractCopy(Path dir) {
    this.dir = dir;
  }

  /** Copies openapi.yaml, asyncapi.yaml and schemas/*.json of the shipped contract into {@code dir}. */
  static ContractCopy of(Path dir) {
    try {
      Files.createDirectories(dir.resolve("schemas"));
      Files.copy(SHIPPED.resolve("openapi.yaml"), dir.resolve("openapi.yaml"));
      Files.copy(SHIPPED.resolve("asyncapi.yaml"), dir.resolve("asyncapi.yaml"));
      try (Stream<Path> schemas = Files.list(SHIPPED.resolve("schemas"))) {
        for (Path schema : (Iterable<Path>) schemas::iterator) {
          Files.copy(schema, dir.resolve("schemas").resolve(schema.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ContractCopy(dir);
  }

  /** Reads {@code file}, lets {@code edit} change its tree, writes it back. */
  ContractCopy edit(String file, Consumer<ObjectNode> edit) {
    Path path = dir.resolve(file);
    ObjectMapper mapper = file.endsWith(".json") ? JSON : YAML;
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(path.toFile());
      edit.accept(root);
      mapper.writeValue(path.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Sets {@code info.version} of both documents. */
  ContractCopy version(String version) {
    return version(version, version);
  }

  ContractCopy version(String openapi, String asyncapi) {
    setVersion("openapi.yaml", openapi);
    setVersion("asyncapi.yaml", asyncapi);
    return this;
  }

  /** Rewrites the line of {@code info.version} (the first key {@code version} at the indentation of {@code info}'s children). */
  private void setVersion(String file, String version) {
    Path path = dir.resolve(file);
    try {
      String text = Files.readString(path);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  version: .*$").matcher(text);
      if (!m.find()) {
        throw new IllegalStateException("no info.version line in " + file);
      }
      Files.writeString(path, text.substring(0, m.start()) + "  version: '" + version + "'" + text.substring(m.end()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Contract contract() {
    return Contract.folder(dir, dir.getFileName().toString());
  }

  static ObjectNode obj(JsonNode root, String pointer) {
    JsonNode node = root.at(JsonPointer.compile(pointer));
    if (!node.isObject()) {
      throw new IllegalArgumentException("no object at " + pointer);
    }
    return (ObjectNode) node;
  }

  static ArrayNode arr(JsonNode root, String pointer) {
    JsonNode node = root.at(JsonPointer.compile(pointer));
    if (!node.isArray()) {
      throw new IllegalArgumentException("no array at " + pointer);
    }
    return (ArrayNode) node;
  }

  /** Removes the array element equal to {@code text}; fails when there is none, so a row cannot mutate nothing. */
  static void removeText(ArrayNode array, String text) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asText().equals(text)) {
        array.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException(text + " is not in " + array);
  }

  static void removeRef(ArrayNode array, String ref) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).path("$ref").asText().equals(ref)) {
        array.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException(ref + " is not in " + array);
  }

  static ObjectNode remove(ObjectNode object, String field) {
    if (object.remove(field) == null) {
      throw new IllegalArgumentException(field + " is not in " + object.fieldNames());
    }
    return object;
  }

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
