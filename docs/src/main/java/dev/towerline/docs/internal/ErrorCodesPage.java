package dev.towerline.docs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code api/errors.html}: one row per code of {@code schemas/error-code.json}, in enum order, with
 * the HTTP status, meaning and what a client should do ({@code client_action}) from its {@code
 * x-error-codes} map. A code without an entry or without a client action (or an entry without a
 * code) fails the build: the table must be the whole truth.
 */
final class ErrorCodesPage {
  static final String FILE = "api/errors.html";
  static final String SCHEMA = Contract.SCHEMAS + "/error-code.json";
  static final String CLIENT_ACTION = "client_action";

  private final Contract contract;

  ErrorCodesPage(Contract contract) {
    this.contract = contract;
  }

  String render() {
    JsonNode schema = contract.read(contract.specDir().resolve(SCHEMA));
    JsonNode entries = schema.path("x-error-codes");
    checkComplete(schema.path("enum"), entries);
    StringBuilder body = new StringBuilder("<h1>Error codes</h1>\n");
    body.append(Markdown.render(schema.path("description").asText("")))
        .append("<p>Every 4xx and 5xx response carries the envelope <code>{\"error\": {\"code\", \"message\", "
            + "\"details\"}, \"request_id\"}</code>; a failed execution's <code>error</code> and the WebSocket "
            + "<code>error</code> frame use the same object. How to handle them: <a href=\"../guides/errors.html\">"
            + "Handling errors</a>. Source: <a href=\"contract/").append(SCHEMA).append("\">").append(SCHEMA)
        .append("</a>.</p>\n<table class=\"errors\">\n<thead><tr><th>Code</th><th>HTTP status</th><th>Meaning</th>"
            + "<th>What a client should do</th></tr></thead>\n<tbody>\n");
    schema.path("enum").forEach(code -> body.append(row(code.asText(), entries.get(code.asText()))));
    body.append("</tbody>\n</table>\n");
    String version = contract.openApi().path("info").path("version").asText();
    return PageLayout.page("Error codes", "../", version, body.toString());
  }

  private static String row(String code, JsonNode entry) {
    String meaning = entry.path("meaning").asText("");
    return "<tr id=\"" + Html.escape(code) + "\"><td>" + Html.code(code) + "</td><td class=\"status\">"
        + Html.escape(status(entry.path("http_status"), meaning)) + "</td><td>" + InlineMarkdown.render(meaning)
        + "</td><td class=\"action\">" + InlineMarkdown.render(entry.path(CLIENT_ACTION).asText()) + "</td></tr>\n";
  }

  /**
   * The HTTP status, or a dash for codes that never come as a REST response. Which kind is read
   * from the meaning's "Execution only:" / "WebSocket only:" prefix, the convention of the file.
   */
  static String status(JsonNode httpStatus, String meaning) {
    if (httpStatus.isIntegralNumber()) {
      return httpStatus.asText();
    }
    if (meaning.startsWith("Execution only")) {
      return "— (execution only)";
    }
    if (meaning.startsWith("WebSocket only")) {
      return "— (WebSocket only)";
    }
    return "— (execution only / WebSocket only)";
  }

  private static void checkComplete(JsonNode codes, JsonNode entries) {
    Set<String> inEnum = new LinkedHashSet<>();
    codes.forEach(code -> inEnum.add(code.asText()));
    List<String> problems = new ArrayList<>();
    inEnum.stream().filter(code -> !entries.has(code))
        .forEach(code -> problems.add(code + " has no x-error-codes entry"));
    inEnum.stream().filter(code -> entries.has(code) && entries.get(code).path(CLIENT_ACTION).asText("").isBlank())
        .forEach(code -> problems.add(code + " has no " + CLIENT_ACTION + " (what a client should do)"));
    entries.fieldNames().forEachRemaining(code -> {
      if (!inEnum.contains(code)) {
        problems.add(code + " is in x-error-codes but not in the enum");
      }
    });
    if (inEnum.isEmpty()) {
      problems.add("the enum is empty");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(SCHEMA + ": " + String.join("; ", problems));
    }
  }
}
