package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field tables for JSON Schemas (name, type, required, description) and the "shared shapes"
 * they link to. A {@code $ref} to another schema file becomes a link to that shape's section;
 * every shape reached that way is rendered once by {@link #sharedShapes(String)}.
 */
final class SchemaTables {
  private static final String[] CONSTRAINTS = {
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "default"
  };

  private final Contract contract;
  /** Shape key (file + fragment) → anchor id on the page. */
  private final Map<String, String> anchors = new LinkedHashMap<>();
  /** Shapes referenced so far that need a section of their own, in order of first use. */
  private final Map<String, Contract.Located> shapes = new LinkedHashMap<>();
  private final Set<String> usedAnchors = new HashSet<>();
  /** Shapes rendered somewhere else on the page (message payloads): linked, never given a section. */
  private final Set<String> elsewhere = new HashSet<>();

  SchemaTables(Contract contract) {
    this.contract = contract;
  }

  /** Links references to {@code schema} to {@code anchor} (a message section) instead of a shape. */
  void anchorElsewhere(Contract.Located schema, String anchor) {
    anchors.put(schema.key(), anchor);
    usedAnchors.add(anchor);
    elsewhere.add(schema.key());
  }

  /** The field table of an object schema, or a one-line summary for anything else. */
  String table(Contract.Located at) {
    return table(at, "Field");
  }

  /** As {@link #table(Contract.Located)}, with {@code firstColumn} naming what the rows are. */
  String table(Contract.Located at, String firstColumn) {
    Contract.Located schema = contract.deref(at.file(), at.node());
    JsonNode properties = schema.node().path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return "<p>Type: " + type(schema.file(), schema.node()) + "</p>\n";
    }
    StringBuilder out = new StringBuilder("<table class=\"fields\">\n<thead><tr><th>"
        + Html.escape(firstColumn) + "</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>\n<tbody>\n");
    rows(schema, "", out);
    return out.append("</tbody>\n</table>\n").toString();
  }

  private void rows(Contract.Located schema, String prefix, StringBuilder out) {
    Set<String> required = new HashSet<>();
    schema.node().path("required").forEach(r -> required.add(r.asText()));
    schema.node().path("properties").properties().forEach(field -> {
      JsonNode property = field.getValue();
      String name = prefix + field.getKey();
      out.append("<tr><td>").append(Html.code(name)).append("</td><td>")
          .append(type(schema.file(), property)).append("</td><td>")
          .append(required.contains(field.getKey()) ? "required" : "optional").append("</td><td>")
          .append(description(schema.file(), property)).append("</td></tr>\n");
      nestedRows(schema, property, name, out);
    });
  }

  /** Inline objects (not {@code $ref}s) get their fields as dotted rows under their parent. */
  private void nestedRows(Contract.Located schema, JsonNode property, String name, StringBuilder out) {
    if (property.path("properties").isObject()) {
      rows(schema.child(property), name + ".", out);
    } else if (property.path("items").path("properties").isObject()) {
      rows(schema.child(property.get("items")), name + "[].", out);
    }
  }

  /** The type cell: a link for a reference, {@code array of …}, {@code map of …}, or type (format). */
  String type(Path file, JsonNode schema) {
    if (schema.has("$ref")) {
      Contract.Located target = contract.resolve(file, schema.get("$ref").asText());
      return "<a href=\"#" + Html.escape(anchorFor(target)) + "\">"
          + Html.escape(title(target)) + "</a>";
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      if (schema.path(combinator).isArray()) {
        List<String> parts = new ArrayList<>();
        schema.get(combinator).forEach(s -> parts.add(type(file, s)));
        return String.join(combinator.equals("allOf") ? " and " : " or ", parts);
      }
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "any");
    if (type.equals("array") && schema.has("items")) {
      return "array of " + type(file, schema.get("items"));
    }
    if (type.equals("object") && schema.path("additionalProperties").isObject()) {
      return "map of " + type(file, schema.get("additionalProperties"));
    }
    String format = schema.path("format").asText("");
    return Html.escape(type) + (format.isEmpty() ? "" : " (" + Html.escape(format) + ")");
  }

  private String description(Path file, JsonNode property) {
    String text = property.path("description").asText("");
    if (text.isEmpty() && property.has("$ref")) {
      text = Markdown.firstSentence(contract.deref(file, property).node().path("description").asText(""));
    }
    StringBuilder out = new StringBuilder(InlineMarkdown.render(text));
    JsonNode values = property.path("enum");
    if (values.size() == 1) {
      out.append(out.length() == 0 ? "" : " ").append("Always ").append(Html.code(values.get(0).asText())).append('.');
    } else if (values.size() > 1) {
      out.append(out.length() == 0 ? "" : " ").append("One of ").append(valueList(values)).append('.');
    }
    String constraints = constraints(property);
    if (!constraints.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ").append("<span class=\"constraints\">").append(constraints)
          .append("</span>");
    }
    return out.toString();
  }

  private static String constraints(JsonNode schema) {
    List<String> parts = new ArrayList<>();
    for (String keyword : CONSTRAINTS) {
      boolean impliedDefault = keyword.equals("default") && schema.path("enum").size() == 1;
      if (schema.has(keyword) && !impliedDefault) {
        JsonNode value = schema.get(keyword);
        parts.add(Html.escape(keyword) + " " + Html.code(value.isTextual() ? value.asText() : value.toString()));
      }
    }
    return String.join(", ", parts);
  }

  private static String valueList(JsonNode values) {
    List<String> codes = new ArrayList<>();
    values.forEach(v -> codes.add(Html.code(v.asText())));
    return String.join(", ", codes);
  }

  /**
   * Sections for every shape referenced so far, including shapes referenced only by other shapes.
   * Values of an error-code enum (a schema with {@code x-error-codes}) link to the error table.
   */
  String sharedShapes(String errorPage) {
    StringBuilder out = new StringBuilder();
    Set<String> done = new HashSet<>();
    for (boolean more = true; more; ) {
      more = false;
      for (Map.Entry<String, Contract.Located> shape : new ArrayList<>(shapes.entrySet())) {
        if (done.add(shape.getKey())) {
          out.append(shapeSection(shape.getValue(), errorPage));
          more = true;
        }
      }
    }
    return out.toString();
  }

  private String shapeSection(Contract.Located at, String errorPage) {
    Contract.Located schema = contract.deref(at.file(), at.node());
    StringBuilder out = new StringBuilder();
    out.append("<section class=\"shape\" id=\"").append(Html.escape(anchorFor(at))).append("\">\n<h3>")
        .append(Html.escape(title(at))).append("</h3>\n")
        .append(Markdown.render(schema.node().path("description").asText("")));
    JsonNode values = schema.node().path("enum");
    if (values.isArray() && !values.isEmpty()) {
      out.append("<p>Values: ").append(enumValues(values, schema.node().has("x-error-codes") ? errorPage : ""))
          .append("</p>\n");
    } else {
      out.append(table(schema));
    }
    return out.append(sourceLink(contract.relative(schema.file()))).append("</section>\n").toString();
  }

  /** "Schema: schemas/x.json", linked to the copy of the contract next to the page. */
  static String sourceLink(String specRelativePath) {
    return "<p class=\"source\">Schema: <a href=\"contract/" + Html.escape(specRelativePath) + "\">"
        + Html.escape(specRelativePath) + "</a></p>\n";
  }

  private static String enumValues(JsonNode values, String errorPage) {
    if (errorPage.isEmpty()) {
      return valueList(values);
    }
    List<String> links = new ArrayList<>();
    values.forEach(v -> links.add("<a href=\"" + Html.escape(errorPage + "#" + v.asText()) + "\">"
        + Html.code(v.asText()) + "</a>"));
    return String.join(", ", links);
  }

  private String anchorFor(Contract.Located target) {
    String key = target.key();
    String anchor = anchors.get(key);
    if (anchor == null) {
      String base = "schema-" + Html.slug(title(target));
      anchor = base;
      for (int n = 2; !usedAnchors.add(anchor); n++) {
        anchor = base + "-" + n;
      }
      anchors.put(key, anchor);
    }
    if (!elsewhere.contains(key)) {
      shapes.putIfAbsent(key, target);
    }
    return anchor;
  }

  /** The schema's title, else the last segment of its pointer, else its file name. */
  private String title(Contract.Located target) {
    Contract.Located schema = contract.deref(target.file(), target.node());
    String name = target.pointer().isEmpty()
        ? target.file().getFileName().toString().replaceFirst("\\.[a-z]+$", "")
        : target.pointer().substring(target.pointer().lastIndexOf('/') + 1);
    return schema.node().path("title").asText(name);
  }
}
