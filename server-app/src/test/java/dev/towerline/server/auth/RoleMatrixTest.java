package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AC-901, AC-902: every operation of openapi.yaml, called with no token and with each role's token,
 * answers as its {@code security} and {@code x-towerline-role} say — 401 without a token, 403 for a
 * role below the one it needs, and otherwise whatever the operation itself answers.
 */
class RoleMatrixTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension static final RunningServer server = new RunningServer().tokens(TOKENS);

  @Test
  void everyOperationAnswersNoTokenAndEachRoleAsTheContractSays() {
    SoftAssertions softly = new SoftAssertions();
    List<String> forbiddenSeen = new ArrayList<>();
    for (ContractOperations.Operation operation : ContractOperations.all()) {
      ContractRoles roles = ContractRoles.of(operation.operationId());
      HttpResponse<String> anonymous = server.send(request(operation, null));
      if (roles.open()) {
        softly.assertThat(anonymous.statusCode()).as("%s without a token", operation).isNotIn(401, 403);
      } else {
        softly.assertThat(anonymous.statusCode()).as("%s without a token", operation).isEqualTo(401);
        softly.assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("%s challenge", operation).hasValue("Bearer realm=\"towerline\"");
        softly.assertThat(code(anonymous)).as("%s code", operation).isEqualTo(ErrorCode.UNAUTHENTICATED.value());
      }
      for (Role role : Role.values()) {
        HttpResponse<String> answer = server.send(request(operation, TOKENS.bearer(role)));
        if (roles.open() || role.includes(roles.required())) {
          softly.assertThat(answer.statusCode()).as("%s as %s", operation, role).isNotIn(401, 403);
        } else {
          forbiddenSeen.add(operation.operationId() + " as " + role.contractName());
          softly.assertThat(answer.statusCode()).as("%s as %s", operation, role).isEqualTo(403);
          JsonNode error = Envelopes.parse(answer.body()).path("error");
          softly.assertThat(error.path("code").asText()).isEqualTo(ErrorCode.FORBIDDEN.value());
          softly.assertThat(error.path("details").path("role").asText()).isEqualTo(role.contractName());
          softly.assertThat(error.path("details").path("required_role").asText()).isEqualTo(roles.required().contractName());
          softly.assertThat(error.path("message").asText()).contains(operation.operationId()).doesNotContain(TOKENS.token(role));
        }
      }
    }
    softly.assertAll();
    // The contract makes viewers read-only: both writes refuse them.
    assertThat(forbiddenSeen).contains("createExecution as viewer", "cancelExecution as viewer");
  }

  @Test
  void unknownOrMalformedCredentialsAreRefusedWithTheChallenge() {
    for (String authorization : List.of("Bearer " + TestTokens.newToken(), "Basic dXNlcjpwYXNz", "Bearer", TOKENS.token(Role.ADMIN))) {
      HttpResponse<String> answer = server.send(server.request("/api/v1/devices").header("Authorization", authorization).GET());
      Envelopes.assertEnvelope(answer, 401, ErrorCode.UNAUTHENTICATED);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer realm=\"towerline\"");
      String credential = authorization.substring(authorization.indexOf(' ') + 1);
      assertThat(answer.body()).doesNotContain(credential.length() > 8 ? credential : "dXNlcjpwYXNz");
    }
  }

  @Test
  void curlWithAnOperatorTokenListsDevicesAndIsRefusedNothing() throws Exception {
    Process curl =
        new ProcessBuilder(
                "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: " + TOKENS.bearer(Role.OPERATOR),
                server.uri("/api/v1/devices").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(new String(curl.getInputStream().readAllBytes()).trim()).isEqualTo("200");
  }

  private static HttpRequest.Builder request(ContractOperations.Operation operation, String authorization) {
    HttpRequest.Builder request = server.request(operation.pathAndQuery());
    if (operation.jsonBody() == null) {
      request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(operation.method(), HttpRequest.BodyPublishers.ofString(operation.jsonBody()));
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private static String code(HttpResponse<String> answer) {
    return Envelopes.parse(answer.body()).path("error").path("code").asText();
  }
}
