package dev.towerline.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A writable copy of the shipped contract in a temporary {@code api-spec/} folder, to break on purpose. */
final class ContractCopy {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private ContractCopy(Path dir) {
    this.dir = dir;
  }

  static ContractCopy of(Path tempDir) {
    Path source = Path.of("").toAbsolutePath();
    Path target = tempDir.resolve("api-spec");
    try {
      Files.createDirectories(target.resolve("schemas"));
      Files.copy(source.resolve("openapi.yaml"), target.resolve("openapi.yaml"));
      Files.copy(source.resolve("asyncapi.yaml"), target.resolve("asyncapi.yaml"));
      try (Stream<Path> schemas = Files.list(source.resolve("schemas"))) {
        for (Path schema : (Iterable<Path>) schemas::iterator) {
          Files.copy(schema, target.resolve("schemas").resolve(schema.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ContractCopy(target);
  }

  ContractCopy editOpenApi(Consumer<ObjectNode> edit) {
    return edit("openapi.yaml", YAML, edit);
  }

  ContractCopy editAsyncApi(Consumer<ObjectNode> edit) {
    return edit("asyncapi.yaml", YAML, edit);
  }

  ContractCopy editSchema(String file, Consumer<ObjectNode> edit) {
    return edit("schemas/" + file, JSON, edit);
  }

  ContractDocuments documents() {
    return ContractDocuments.inDirectory(dir);
  }

  Path dir() {
    return dir;
  }

  private ContractCopy edit(String file, ObjectMapper mapper, Consumer<ObjectNode> edit) {
    Path path = dir.resolve(file);
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(path.toFile());
      edit.accept(root);
      mapper.writerWithDefaultPrettyPrinter().writeValue(path.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The object at a JSON pointer, for editing. */
  static ObjectNode at(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isObject()) {
      throw new IllegalArgumentException("no object at " + pointer);
    }
    return (ObjectNode) node;
  }
}
