package dev.towerline.diff.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.towerline.diff.UsageException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The parsed files of one contract version, read on first use and kept. */
public final class Documents {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSource source;
  private final Map<String, Optional<JsonNode>> parsed = new HashMap<>();

  public Documents(FileSource source) {
    this.source = source;
  }

  public FileSource source() {
    return source;
  }

  /** The tree of {@code relativePath}, or empty when the version has no such file. */
  public Optional<JsonNode> tree(String relativePath) {
    return parsed.computeIfAbsent(relativePath,
        path -> source.read(path).map(text -> parse(source.label() + "/" + path, text)));
  }

  /** @param path the file as a person finds it, for messages; its extension picks JSON or YAML */
  static JsonNode parse(String path, String text) {
    ObjectMapper mapper = path.endsWith(".json") ? JSON : YAML;
    try {
      JsonNode tree = mapper.readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new UsageException("not a spec: " + path + " is not a JSON/YAML object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      String problem = e.getOriginalMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
      throw new UsageException("not a spec: " + path + " does not parse" + where + ": " + problem);
    }
  }
}
