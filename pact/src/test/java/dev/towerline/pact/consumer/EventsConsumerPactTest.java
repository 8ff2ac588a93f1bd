package dev.towerline.pact.consumer;

import static dev.towerline.pact.consumer.SdkPacts.EXECUTION_ID_EXAMPLE;
import static dev.towerline.pact.consumer.SdkPacts.SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP_EXAMPLE;
import static dev.towerline.pact.consumer.SdkPacts.createdBy;
import static dev.towerline.pact.consumer.SdkPacts.envelope;
import static dev.towerline.pact.consumer.SdkPacts.errorOf;
import static dev.towerline.pact.consumer.SdkPacts.execution;
import static dev.towerline.pact.consumer.SdkPacts.jsonAnswer;
import static dev.towerline.pact.consumer.SdkPacts.refusal;
import static dev.towerline.pact.consumer.SdkPacts.sdkFor;
import static dev.towerline.pact.consumer.SdkPacts.stateExecutionId;
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
import dev.towerline.client.generated.api.EventsApi;
import dev.towerline.client.generated.model.EventList;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java SDK relies on from the HTTP fallback of the feeds: events after a cursor, and the 410. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Participants.PROVIDER, pactVersion = PactSpecVersion.V4)
class EventsConsumerPactTest {
  private static final long SINCE_EXAMPLE = 1041;
  /** Far beyond any seq the provider verification issues. */
  private static final long SINCE_AHEAD = 1_000_000;

  @Pact(consumer = Participants.SDK)
  V4Pact eventsAfterCursor(PactDslWithProvider builder) {
    return jsonAnswer(
            builder
                .given(ProviderStates.EXECUTION_CREATION_LOGGED, createdBy(SERIAL, "echo feed", 60))
                .uponReceiving("a read of one executions-feed event after a cursor")
                .path("/api/v1/events")
                .query("feed=executions&page_size=1")
                .queryParameterFromProviderState("since", "${since}", String.valueOf(SINCE_EXAMPLE))
                .method("GET")
                .willRespondWith(),
            200)
        .body(
            new PactDslJsonBody()
                .array("data")
                .object()
                .stringValue("type", "execution.updated")
                .integerType("seq", SINCE_EXAMPLE + 1)
                .stringMatcher("ts", TIMESTAMP, TIMESTAMP_EXAMPLE)
                .object(
                    "execution",
                    execution(
                            stateExecutionId(new PactDslJsonBody(), "id"),
                            SERIAL,
                            "echo feed",
                            60)
                        .stringValue("status", "queued"))
                .closeObject()
                .closeArray()
                .asBody()
                .object(
                    "metadata",
                    new PactDslJsonBody()
                        .numberValue("page_size", 1)
                        .stringValue("feed", "executions")
                        .integerType("oldest_seq", 1L)
                        .integerType("latest_seq", 1050L))
                .stringMatcher("timestamp", TIMESTAMP, TIMESTAMP_EXAMPLE))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "eventsAfterCursor")
  void readsTheExecutionsFeedAfterACursor(MockServer server) throws ApiException {
    EventList page = new EventsApi(sdkFor(server)).listEvents(Feed.EXECUTIONS, SINCE_EXAMPLE, 1, null);

    assertThat(page.getData()).singleElement().isInstanceOfSatisfying(ExecutionUpdated.class, event -> {
      assertThat(event.getSeq()).isEqualTo(SINCE_EXAMPLE + 1);
      assertThat(event.getExecution().getId()).isEqualTo(EXECUTION_ID_EXAMPLE);
      assertThat(event.getExecution().getStatus()).isEqualTo(ExecutionStatus.QUEUED);
    });
    assertThat(page.getMetadata().getFeed()).isEqualTo(Feed.EXECUTIONS);
    assertThat(page.getMetadata().getLatestSeq()).isEqualTo(1050L);
  }

  @Pact(consumer = Participants.SDK)
  V4Pact cursorAheadOfTheLog(PactDslWithProvider builder) {
    return jsonAnswer(
            builder
                .given(ProviderStates.FEED_BEFORE_SEQ, Map.of("seq", SINCE_AHEAD))
                .uponReceiving("a read of the executions feed after a seq it has not issued")
                .path("/api/v1/events")
                .query("feed=executions&since=" + SINCE_AHEAD)
                .method("GET")
                .willRespondWith(),
            410)
        .body(
            envelope(
                ErrorCode.RESYNC_REQUIRED,
                "Events after seq " + SINCE_AHEAD + " cannot be served; reload state and continue from latest_seq",
                new PactDslJsonBody()
                    .stringValue("feed", "executions")
                    .numberValue("requested_since", SINCE_AHEAD)
                    .integerType("oldest_seq", 1L)
                    .integerType("latest_seq", 1050L)
                    .stringValue("reason", "ahead_of_log")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cursorAheadOfTheLog")
  void sinceAheadOfTheLogIs410ResyncRequired(MockServer server) {
    ApiException gone =
        refusal(
            410, ErrorCode.RESYNC_REQUIRED, () -> new EventsApi(sdkFor(server)).listEvents(Feed.EXECUTIONS, SINCE_AHEAD, null, null));

    assertThat(errorOf(gone).getDetails())
        .containsEntry("reason", "ahead_of_log")
        .containsEntry("latest_seq", 1050);
  }
}
