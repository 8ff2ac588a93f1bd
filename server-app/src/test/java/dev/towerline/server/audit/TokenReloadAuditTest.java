package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.auth.Role;
import dev.towerline.server.auth.TokenEntry;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reload of the tokens file is an admin action: the audit log names the tokens it added, removed or changed. */
class TokenReloadAuditTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension
  static final RunningServer server = new RunningServer().tokens(TOKENS).auth(auth -> auth.reloadInterval(Duration.ofMillis(100)));

  @Test
  void aTokensFileEditIsRecordedByNameWithoutTheTokens() throws Exception {
    String viewer = TOKENS.token(Role.VIEWER);
    List<TokenEntry> withoutViewer = TOKENS.entries().stream().filter(e -> e.role() != Role.VIEWER).toList();
    TOKENS.write(withoutViewer);

    JsonNode entry =
        await("the reload in the audit log")
            .atMost(Duration.ofSeconds(10))
            .until(TokenReloadAuditTest::reloadEntry, found -> !found.isMissingNode());

    assertThat(entry.path("actor").asText()).isEqualTo("system");
    assertThat(entry.path("payload").path("removed")).extracting(JsonNode::asText).containsExactly(TestTokens.holder(Role.VIEWER));
    assertThat(entry.path("payload").path("added")).isEmpty();
    assertThat(entry.path("outcome").path("result").asText()).isEqualTo("succeeded");
    assertThat(entry.toString()).doesNotContain(viewer).doesNotContain(viewer.substring(3));
  }

  private static JsonNode reloadEntry() {
    String body =
        server.send(server.request("/api/v1/audit?operation=" + TokenChangeAudit.ACTION).header("Authorization", TOKENS.bearer(Role.ADMIN)).GET())
            .body();
    return Envelopes.parse(body).path("data").path(0);
  }
}
