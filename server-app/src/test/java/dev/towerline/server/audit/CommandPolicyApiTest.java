package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.policy.CommandPolicyConfig;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11 item 7 against the real server: each rule of the command policy refuses with 422
 * {@code COMMAND_NOT_ALLOWED} naming the rule and its parameter, creates nothing, and is audited;
 * a command within the policy runs.
 */
class CommandPolicyApiTest {

  @RegisterExtension
  static final RunningServer server =
      new RunningServer()
          .configure(
              config ->
                  config.withCommands(
                      CommandPolicyConfig.fromEnvironment(
                          Map.of(
                              CommandPolicyConfig.MAX_LENGTH_VARIABLE, "40",
                              CommandPolicyConfig.ALLOWED_PROGRAMS_VARIABLE, "echo, getprop,/system/bin/pm",
                              CommandPolicyConfig.DENY_PATTERNS_VARIABLE, "\\breboot\\b\n(?i)factory[-_ ]?reset"))));

  private final Executions executions = new Executions(server);

  private HttpResponse<String> create(String command, String requestId) {
    return server.send(
        server.request("/api/v1/executions")
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(Executions.body(server.serial(0), command, 30))));
  }

  private JsonNode refused(String command) {
    List<String> executionsBefore = AuditApiTest.executionIds(server);
    String requestId = "policy-" + UUID.randomUUID();
    JsonNode error = Envelopes.assertEnvelope(create(command, requestId), 422, ErrorCode.COMMAND_NOT_ALLOWED);
    assertThat(AuditApiTest.executionIds(server)).as("nothing was created").isEqualTo(executionsBefore);
    JsonNode entry = AuditApiTest.entryOf(server, requestId).orElseThrow(() -> new AssertionError("refusal not audited"));
    assertThat(entry.path("outcome").path("error_code").asText()).isEqualTo("COMMAND_NOT_ALLOWED");
    assertThat(entry.path("payload").path("command").asText()).isEqualTo(command);
    return error.path("details");
  }

  @Test
  void refusesACommandLongerThanTheMaximum() {
    String command = "echo " + "a".repeat(36);
    assertThat(refused(command)).isEqualTo(Envelopes.parse("{\"rule\":\"max_length\",\"max_length\":40,\"length\":41}"));
  }

  @Test
  void countsCharactersNotBytes() {
    assertThat(create("echo " + "é".repeat(35), "policy-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
  }

  @Test
  void refusesACommandMatchingADeniedPatternAndNamesThePattern() {
    assertThat(refused("getprop x; reboot")).isEqualTo(Envelopes.parse("{\"rule\":\"deny_pattern\",\"pattern\":\"\\\\breboot\\\\b\"}"));
    assertThat(refused("echo Factory-Reset").path("pattern").asText()).isEqualTo("(?i)factory[-_ ]?reset");
  }

  @Test
  void refusesAProgramNotOnTheAllowList() {
    JsonNode details = refused("echo ok | sh");
    assertThat(details.path("rule").asText()).isEqualTo("allowed_programs");
    assertThat(details.path("program").asText()).isEqualTo("sh");
    assertThat(details.path("allowed_programs")).extracting(JsonNode::asText).containsExactly("echo", "getprop", "/system/bin/pm");
    assertThat(refused("pm list packages").path("program").asText()).as("listed by its path only").isEqualTo("pm");
  }

  @Test
  void refusesWhatHidesItsPrograms() {
    assertThat(refused("echo $(id)").path("construct").asText()).startsWith("$(");
    assertThat(refused("echo `id`").path("construct").asText()).startsWith("`");
    assertThat(refused("(id)").path("rule").asText()).isEqualTo("allowed_programs");
  }

  @Test
  void runsACommandWithinThePolicy() {
    HttpResponse<String> created = create("echo ok && getprop ro.build.fingerprint", "policy-" + UUID.randomUUID());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode finished = executions.awaitFinished(Envelopes.parse(created.body()).path("id").asText());
    assertThat(finished.path("status").asText()).isEqualTo("succeeded");
  }
}
