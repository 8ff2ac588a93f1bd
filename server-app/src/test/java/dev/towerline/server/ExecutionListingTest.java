package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listExecutions: filters, both sort orders and keyset page tokens. */
class ExecutionListingTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Executions executions = new Executions(server);
  private static final List<String> created = new ArrayList<>();
  private static Instant start;

  @BeforeAll
  static void sevenExecutionsOnTwoDevices() {
    start = Instant.now().minusSeconds(1);
    for (int i = 0; i < 7; i++) {
      String serial = server.adb().devices().get(i % 2).serial();
      created.add(executions.create(serial, i == 6 ? "false" : "echo " + i, 30).path("id").asText());
    }
    created.forEach(executions::awaitFinished);
  }

  @Test
  void pageTokensWalkEveryExecutionExactlyOnceNewestFirst() {
    List<String> seen = walk("/api/v1/executions?page_size=3&created_after=" + start);

    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    List<String> reversed = new ArrayList<>(created);
    java.util.Collections.reverse(reversed);
    assertThat(seen).containsExactlyElementsOf(reversed);
  }

  @Test
  void sortsOldestFirstOnRequest() {
    assertThat(walk("/api/v1/executions?page_size=2&sort=created_at&created_after=" + start)).containsExactlyElementsOf(created);
  }

  @Test
  void filtersByStatusDeviceAndCreationTime() {
    String device0 = server.adb().devices().get(0).serial();
    assertThat(walk("/api/v1/executions?status=failed&created_after=" + start)).containsExactly(created.get(6));
    assertThat(walk("/api/v1/executions?sort=created_at&device_serial=" + device0 + "&created_after=" + start))
        .containsExactly(created.get(0), created.get(2), created.get(4), created.get(6));
    assertThat(walk("/api/v1/executions?created_before=" + start)).isEmpty();
  }

  @Test
  void refusesGarbledOrMismatchedPageTokens() {
    JsonNode first = Envelopes.parse(server.get("/api/v1/executions?page_size=2").body());
    String token = first.path("metadata").path("next_page_token").asText();

    assertEnvelope(server.get("/api/v1/executions?page_size=2&page_token=garbage!"), 400, ErrorCode.INVALID_PAGE_TOKEN);
    assertEnvelope(server.get("/api/v1/executions?page_size=2&sort=created_at&page_token=" + token), 400, ErrorCode.INVALID_PAGE_TOKEN);
    assertEnvelope(server.get("/api/v1/executions?page_size=501"), 400, ErrorCode.INVALID_PARAMETER);
  }

  private static List<String> walk(String first) {
    List<String> ids = new ArrayList<>();
    String next = first;
    while (next != null) {
      JsonNode page = Envelopes.parse(server.get(next).body());
      page.path("data").forEach(e -> ids.add(e.path("id").asText()));
      JsonNode token = page.path("metadata").path("next_page_token");
      next = token.isMissingNode() || token.isNull() ? null : first + "&page_token=" + token.asText();
    }
    return ids;
  }
}
