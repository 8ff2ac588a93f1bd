package dev.towerline.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.pact.broker.RecordedRequest;
import dev.towerline.pact.broker.StubPactBroker;
import dev.towerline.pact.consumer.Participants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * QA's broker path, end to end without a network: the provider verification ({@link
 * ServerProviderPactTest}, run as QA runs it, configured by system properties only) fetches the
 * pact the consumer tests wrote from a stub Pact Broker on loopback, verifies it against the real
 * server, and publishes the results only when asked, as the build's version.
 */
@Tag("provider")
class PactBrokerVerificationTest {
  private static final String TOKEN = "qa-token-1234";
  private static final String USER = "qa";
  private static final String PASSWORD = "s3cret";
  private static final String SELECTORS = "[{\"mainBranch\":true},{\"deployedOrReleased\":true}]";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Properties saved = (Properties) System.getProperties().clone();
  private StubPactBroker broker;

  @BeforeEach
  void clearBrokerSettings() {
    // Whatever broker settings this build was started with, the nested run sees only the test's.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("pactbroker.") || name.startsWith("pact.verifier."))
        .forEach(System::clearProperty);
  }

  @AfterEach
  void restoreProperties() {
    if (broker != null) {
      broker.close();
    }
    System.setProperties(saved);
  }

  @Test
  void verifiesThePactTheBrokerSelectsWithBasicAuthAndPublishesNothingByDefault() throws IOException {
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    startBroker(basic);
    System.setProperty("pactbroker.auth.username", USER);
    System.setProperty("pactbroker.auth.password", PASSWORD);
    System.setProperty("pactbroker.consumerversionselectors.rawjson", SELECTORS);
    JsonNode selectors = JSON.readTree(SELECTORS);

    TestExecutionSummary summary = verify();

    assertEveryInteractionVerified(summary);
    assertThat(broker.pactsForVerificationRequests())
        .singleElement()
        .satisfies(body -> assertThat(body.path("consumerVersionSelectors")).isEqualTo(selectors));
    // Pact JVM sends basic credentials in answer to the broker's 401 challenge: both show up.
    assertThat(broker.requests()).extracting(RecordedRequest::authorization).containsOnly(null, basic);
    assertThat(broker.publishedResults()).isEmpty();
  }

  @Test
  void publishesTheResultsAsTheBuildsVersionWithABearerTokenWhenAsked() throws IOException {
    startBroker("Bearer " + TOKEN);
    System.setProperty("pactbroker.auth.token", TOKEN);
    System.setProperty("pact.verifier.publishResults", "true");

    TestExecutionSummary summary = verify();

    assertEveryInteractionVerified(summary);
    assertThat(broker.requests()).extracting(RecordedRequest::authorization).containsOnly("Bearer " + TOKEN);
    assertThat(broker.publishedResults())
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.path("success").asBoolean()).isTrue();
              assertThat(result.path("providerApplicationVersion").asText()).isEqualTo(buildVersion());
              assertThat(result.path("verifiedBy").path("implementation").asText()).isEqualTo("Pact-JVM");
              assertThat(result.path("testResults").findValuesAsText("interactionId"))
                  .containsExactlyInAnyOrderElementsOf(broker.interactionIds());
              assertThat(result.path("testResults").findValues("success")).allMatch(JsonNode::asBoolean);
            });
  }

  /** A broker serving the pact the consumer tests wrote, to clients that send {@code authorization}. */
  private void startBroker(String authorization) throws IOException {
    Path recorded = Path.of(System.getProperty("pact.rootDir"), Participants.SDK + "-" + Participants.PROVIDER + ".json");
    broker = StubPactBroker.serving(JSON.readTree(recorded.toFile()), authorization);
    System.setProperty("pactbroker.url", broker.url().toString());
  }

  private TestExecutionSummary verify() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ServerProviderPactTest.class)).build(), listener);
    return listener.getSummary();
  }

  private void assertEveryInteractionVerified(TestExecutionSummary summary) {
    assertThat(summary.getFailures())
        .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(broker.interactionIds().size()).isPositive();
    assertThat(broker.requests())
        .extracting(r -> r.method() + " " + r.path())
        .contains("GET /", "GET /pacts/provider/towerline-server/consumer/towerline-java-sdk/pact-version/recorded");
  }

  /** The version Maven builds, written into the test resources by the pom. */
  private static String buildVersion() throws IOException {
    Properties build = new Properties();
    try (InputStream in = PactBrokerVerificationTest.class.getResourceAsStream("/pact-build.properties")) {
      build.load(in);
    }
    return build.getProperty("version");
  }
}
