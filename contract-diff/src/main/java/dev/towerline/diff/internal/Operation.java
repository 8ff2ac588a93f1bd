package dev.towerline.diff.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One REST operation of a document: its path, method, the path item it sits in, and itself. */
record Operation(String path, String method, Located pathItem, Located node) {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** {@code GET /api/v1/devices/{}}: the same route whatever its path parameters are called. */
  String route() {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  String label() {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
  }

  String operationId() {
    return node.node().path("operationId").asText("");
  }

  /** Every operation of the document, by route. */
  static Map<String, Operation> all(Located document, Refs refs) {
    Map<String, Operation> operations = new LinkedHashMap<>();
    Located paths = document.child("paths");
    for (String path : SchemaDiff.fieldNames(paths.node())) {
      Located item = refs.deref(paths.child(path));
      for (String method : METHODS) {
        if (item.node().has(method)) {
          Operation operation = new Operation(path, method, item, item.child(method));
          operations.put(operation.route(), operation);
        }
      }
    }
    return operations;
  }

  /** Path-level parameters overridden by the operation's own, keyed by {@code in:name} (path ones by position). */
  Map<String, Located> parameters(Refs refs) {
    Map<String, Located> parameters = new LinkedHashMap<>();
    List<Located> declared = new ArrayList<>();
    collect(pathItem.child("parameters"), refs, declared);
    collect(node.child("parameters"), refs, declared);
    List<String> pathNames = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(path);
    while (m.find()) {
      pathNames.add(m.group(1));
    }
    for (Located parameter : declared) {
      String in = parameter.node().path("in").asText("");
      String name = parameter.node().path("name").asText("");
      String key = in.equals("path") && pathNames.contains(name) ? "path:#" + pathNames.indexOf(name)
          : in + ":" + (in.equals("header") ? name.toLowerCase(java.util.Locale.ROOT) : name);
      parameters.put(key, parameter);
    }
    return parameters;
  }

  private static void collect(Located list, Refs refs, List<Located> into) {
    for (int i = 0; i < list.node().size(); i++) {
      into.add(refs.deref(list.item(i)));
    }
  }
}
