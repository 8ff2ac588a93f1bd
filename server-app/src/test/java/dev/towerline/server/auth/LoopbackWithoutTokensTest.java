package dev.towerline.server.auth;

import dev.towerline.server.testing.ContractOperations;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AC-903: a server without tokens (loopback only) serves every operation without one. */
class LoopbackWithoutTokensTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void everyOperationIsServedWithoutATokenAndAnyTokenIsIgnored() {
    SoftAssertions softly = new SoftAssertions();
    for (ContractOperations.Operation operation : ContractOperations.all()) {
      for (String authorization : new String[] {null, "Bearer " + TestTokens.newToken()}) {
        HttpRequest.Builder request = server.request(operation.pathAndQuery());
        if (operation.jsonBody() == null) {
          request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
          request.header("Content-Type", "application/json").method(operation.method(), HttpRequest.BodyPublishers.ofString(operation.jsonBody()));
        }
        if (authorization != null) {
          request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = server.send(request);
        softly.assertThat(answer.statusCode()).as("%s with %s", operation, authorization == null ? "no token" : "a token").isNotIn(401, 403);
      }
    }
    softly.assertAll();
  }
}
