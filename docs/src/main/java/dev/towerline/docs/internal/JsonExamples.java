package dev.towerline.docs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Pretty-prints example payloads as JSON the way people write it: {@code "key": value}, 2 spaces. */
final class JsonExamples {
  private static final ObjectWriter WRITER = writer();

  private JsonExamples() {}

  static String pretty(JsonNode value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot print example as JSON", e);
    }
  }

  /** {@code <pre><code class="language-json">…</code></pre>}, escaped. */
  static String block(JsonNode value) {
    return "<pre><code class=\"language-json\">" + Html.escape(pretty(value)) + "</code></pre>\n";
  }

  private static ObjectWriter writer() {
    // A fixed "\n" rather than the platform line separator keeps the pages byte-identical everywhere.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return new ObjectMapper().writer(printer);
  }
}
