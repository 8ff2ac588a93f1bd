package dev.towerline.pact.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import dev.towerline.pact.consumer.Participants;
import dev.towerline.pact.consumer.ProviderStates;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every pact in the pact folder (by default the ones the consumer tests just wrote;
 * {@code -Dpactfolder.path=...} for others), or with {@code -Dpactbroker.url=...} the pacts a Pact
 * Broker selects (see {@link PactsFromFolderOrBroker}), against the real server on a free loopback
 * port, with an ADB simulator the provider states set up (see {@link ProviderLab}). Results go to
 * the broker only with {@code -Dpact.verifier.publishResults=true}, as version {@code
 * pact.provider.version} (the build's version, set by the pom).
 */
@Tag("provider")
@Provider(Participants.PROVIDER)
@PactsFromFolderOrBroker(folder = "${pactfolder.path:target/pacts}")
class ServerProviderPactTest {
  private static final String EXECUTION_ID = "execution_id";

  private static ProviderLab lab;

  @BeforeAll
  static void startLab() throws Exception {
    lab = ProviderLab.start();
  }

  @AfterAll
  static void stopLab() {
    lab.close();
  }

  @BeforeEach
  void pointAtServer(PactVerificationContext context) {
    // Pact's default client (Apache HttpClient's defaults) retries a 503 after its Retry-After and
    // would verify the retry's answer; the verification must see the server's first answer.
    IHttpClientFactory noRetries = provider -> HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
    context.setTarget(new HttpTestTarget(lab.host(), lab.port(), "/", () -> noRetries));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void serverHonoursThePact(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(ProviderStates.DEVICE_ONLINE)
  void deviceOnline(Map<String, Object> params) {
    lab.deviceOnline(serial(params));
  }

  @State(ProviderStates.NO_SUCH_DEVICE)
  void noSuchDevice(Map<String, Object> params) {
    lab.deviceNeverPlugged(serial(params));
  }

  @State(ProviderStates.DEVICE_BREAKER_OPEN)
  void deviceBreakerOpen(Map<String, Object> params) {
    lab.openBreaker(serial(params));
  }

  @State(ProviderStates.EXECUTION_SUCCEEDED)
  Map<String, Object> executionSucceeded(Map<String, Object> request) {
    String id = lab.createdExecution(request, null);
    lab.awaitStatus(id, "succeeded");
    return Map.of(EXECUTION_ID, id);
  }

  @State(ProviderStates.EXECUTION_RUNNING)
  Map<String, Object> executionRunning(Map<String, Object> request) {
    String id = lab.createdExecution(request, null);
    lab.awaitStatus(id, "running");
    return Map.of(EXECUTION_ID, id);
  }

  @State(ProviderStates.IDEMPOTENCY_KEY_USED)
  Map<String, Object> idempotencyKeyUsed(Map<String, Object> params) {
    Map<String, Object> request = new HashMap<>(params);
    String key = String.valueOf(request.remove("idempotency_key"));
    return Map.of(EXECUTION_ID, lab.createdExecution(request, key));
  }

  @State(ProviderStates.EXECUTION_CREATION_LOGGED)
  Map<String, Object> executionCreationLogged(Map<String, Object> request) {
    long before = lab.latestExecutionsSeq();
    String id = lab.createdExecution(request, null);
    // Other executions may log events meanwhile: the cursor is found, not assumed.
    long seq = lab.firstEventSeq(id, before);
    return Map.of(EXECUTION_ID, id, "since", seq - 1);
  }

  @State(ProviderStates.FEED_BEFORE_SEQ)
  void feedBeforeSeq(Map<String, Object> params) {
    long seq = Long.parseLong(String.valueOf(params.get("seq")));
    long latest = lab.latestExecutionsSeq();
    if (latest >= seq) {
      throw new IllegalStateException("the executions feed already issued seq " + seq + " (latest " + latest + ")");
    }
  }

  private static String serial(Map<String, Object> params) {
    return String.valueOf(params.get("serial"));
  }
}
