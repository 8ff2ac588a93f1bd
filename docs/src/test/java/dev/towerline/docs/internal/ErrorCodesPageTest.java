package dev.towerline.docs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorCodesPageTest {
  @TempDir Path spec;

  @Test
  void rendersStatusOrTheKindOfErrorThatHasNoneAndWhatAClientShouldDo() throws IOException {
    write("""
        {"enum": ["QUEUE_FULL", "COMMAND_FAILED", "INVALID_FRAME"],
         "x-error-codes": {
           "QUEUE_FULL": {"client_action": "Retry after `Retry-After`.", "http_status": 429, "meaning": "Queue <full>."},
           "COMMAND_FAILED": {"client_action": "Read the output.", "http_status": null,
                              "meaning": "Execution only: exit code."},
           "INVALID_FRAME": {"client_action": "Fix the frame.", "http_status": null,
                             "meaning": "WebSocket only: bad frame."}}}
        """);

    String html = new ErrorCodesPage(new Contract(spec)).render();

    assertThat(html)
        .contains("<tr id=\"QUEUE_FULL\"><td><code>QUEUE_FULL</code></td><td class=\"status\">429</td>"
            + "<td>Queue &lt;full&gt;.</td><td class=\"action\">Retry after <code>Retry-After</code>.</td></tr>")
        .contains("<th>What a client should do</th>")
        .contains("<td class=\"status\">— (execution only)</td>")
        .contains("<td class=\"status\">— (WebSocket only)</td>")
        .contains("Contract version 3.0.0");
  }

  @Test
  void refusesACodeWithoutAnEntryOrAClientActionAndAnEntryWithoutACode() throws IOException {
    write("""
        {"enum": ["QUEUE_FULL", "NEW_CODE", "BARE_CODE"],
         "x-error-codes": {"QUEUE_FULL": {"client_action": "Wait.", "http_status": 429, "meaning": "Full."},
                           "BARE_CODE": {"http_status": 400, "meaning": "No advice."},
                           "OLD_CODE": {"client_action": "None.", "http_status": 400, "meaning": "Gone."}}}
        """);

    assertThatThrownBy(() -> new ErrorCodesPage(new Contract(spec)).render())
        .hasMessageContaining("NEW_CODE has no x-error-codes entry")
        .hasMessageContaining("BARE_CODE has no client_action")
        .hasMessageContaining("OLD_CODE is in x-error-codes but not in the enum");
  }

  private void write(String errorCodeJson) throws IOException {
    Files.createDirectories(spec.resolve("schemas"));
    Files.writeString(spec.resolve("schemas/error-code.json"), errorCodeJson);
    Files.writeString(spec.resolve("openapi.yaml"), "openapi: 3.0.3\ninfo: {title: T, version: 3.0.0}\npaths: {}\n");
  }
}
