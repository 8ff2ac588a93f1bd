package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.BiConsumer;

/** Reading YAML and JSON contract files and walking them with JSON pointers. */
public final class Json {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  /** Reads a {@code file:}, {@code jar:} or {@code classpath:} URI; YAML when it ends in .yaml. */
  public static JsonNode read(URI uri) {
    String text = uri.toString();
    ObjectMapper mapper = text.endsWith(".yaml") || text.endsWith(".yml") ? YAML : JSON;
    try (InputStream in = open(uri)) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(URI uri) throws IOException {
    if ("classpath".equals(uri.getScheme())) {
      String path = uri.getSchemeSpecificPart();
      InputStream in = Json.class.getClassLoader().getResourceAsStream(path);
      if (in == null) {
        throw new IOException("no classpath resource " + path);
      }
      return in;
    }
    return uri.toURL().openStream();
  }

  public static ObjectMapper yamlMapper() {
    return YAML;
  }

  /** Visits every node, depth first, with its JSON pointer. */
  public static void walk(JsonNode root, BiConsumer<String, JsonNode> visitor) {
    walk(root, "", visitor);
  }

  private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
    visitor.accept(pointer, node);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visitor);
      }
    }
  }

  /** Escapes one reference token of a JSON pointer (RFC 6901). */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Joins tokens into a pointer, escaping each. */
  public static String pointer(String base, String... tokens) {
    StringBuilder sb = new StringBuilder(base);
    for (String token : tokens) {
      sb.append('/').append(escape(token));
    }
    return sb.toString();
  }

  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
