package dev.towerline.pact.consumer;

import static dev.towerline.pact.consumer.SdkPacts.JSON;
import static dev.towerline.pact.consumer.SdkPacts.sdkFor;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.towerline.client.generated.ApiException;
import dev.towerline.client.generated.api.HealthApi;
import dev.towerline.client.generated.model.Liveness;
import dev.towerline.client.generated.model.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java SDK relies on from the server's health routes. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Participants.PROVIDER, pactVersion = PactSpecVersion.V4)
class HealthConsumerPactTest {
  @Pact(consumer = Participants.SDK)
  V4Pact liveness(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a liveness check")
        .path("/health")
        .method("GET")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON, "application/json")
        .matchHeader("X-Request-Id", ".+", "4f1c2a9e-0b7d-4c55-9a51-2f0c7d3e8b10")
        .body(
            new PactDslJsonBody()
                .stringValue("status", "ok")
                .stringMatcher("version", "\\d+\\.\\d+\\.\\d+.*", "1.0.0"))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = Participants.SDK)
  V4Pact readiness(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a readiness check of a started server")
        .path("/health/ready")
        .method("GET")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON, "application/json")
        .body(new PactDslJsonBody().stringValue("status", "ready"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "liveness")
  void sdkReadsLivenessStatusAndVersion(MockServer server) throws ApiException {
    Liveness liveness = new HealthApi(sdkFor(server)).getLiveness();

    assertThat(liveness.getStatus()).isEqualTo(Liveness.StatusEnum.OK);
    assertThat(liveness.getVersion()).isEqualTo("1.0.0");
  }

  @Test
  @PactTestFor(pactMethod = "readiness")
  void sdkReadsReadiness(MockServer server) throws ApiException {
    Readiness readiness = new HealthApi(sdkFor(server)).getReadiness();

    assertThat(readiness.getStatus()).isEqualTo(Readiness.StatusEnum.READY);
  }
}
