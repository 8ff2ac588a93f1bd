package dev.towerline.pact.consumer;

import static dev.towerline.pact.consumer.SdkPacts.OTHER_SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP;
import static dev.towerline.pact.consumer.SdkPacts.TIMESTAMP_EXAMPLE;
import static dev.towerline.pact.consumer.SdkPacts.deviceNotFound;
import static dev.towerline.pact.consumer.SdkPacts.UNKNOWN_SERIAL;
import static dev.towerline.pact.consumer.SdkPacts.errorOf;
import static dev.towerline.pact.consumer.SdkPacts.jsonAnswer;
import static dev.towerline.pact.consumer.SdkPacts.refusal;
import static dev.towerline.pact.consumer.SdkPacts.sdkFor;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.towerline.client.generated.ApiException;
import dev.towerline.client.generated.api.DevicesApi;
import dev.towerline.client.generated.model.DeviceList;
import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Java SDK relies on from the devices routes: a page of devices, one device, and the 404. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Participants.PROVIDER, pactVersion = PactSpecVersion.V4)
class DevicesConsumerPactTest {
  private static final String ANY = ".+";
  private static final String DEVICE_STATES = "online|busy|offline|unauthorized|recovery|bootloader";
  private static final String BREAKER_STATES = "closed|open|half_open";
  private static final String PAGE_TOKEN_EXAMPLE = "ZGV2aWNlczpzZXJpYWw6UjU4TTEyM0FCQw";

  @Pact(consumer = Participants.SDK)
  V4Pact devices(PactDslWithProvider builder) {
    PactDslResponse listed =
        jsonAnswer(
                builder
                    .given(ProviderStates.DEVICE_ONLINE, Map.of("serial", SERIAL))
                    .given(ProviderStates.DEVICE_ONLINE, Map.of("serial", OTHER_SERIAL))
                    .uponReceiving("a request for the first page of devices, one per page")
                    .path("/api/v1/devices")
                    .query("page_size=1")
                    .method("GET")
                    .willRespondWith(),
                200)
            .body(
                new PactDslJsonBody()
                    .minArrayLike("data", 1, device(ANY, DEVICE_STATES, BREAKER_STATES), 1)
                    .object(
                        "metadata",
                        new PactDslJsonBody().numberValue("page_size", 1).stringType("next_page_token", PAGE_TOKEN_EXAMPLE))
                    .stringMatcher("timestamp", TIMESTAMP, TIMESTAMP_EXAMPLE));
    PactDslResponse found =
        jsonAnswer(
                listed
                    .given(ProviderStates.DEVICE_ONLINE, Map.of("serial", SERIAL))
                    .uponReceiving("a request for a device that is online")
                    .path("/api/v1/devices/" + SERIAL)
                    .method("GET")
                    .willRespondWith(),
                200)
            .body(device(SERIAL, "online", BREAKER_STATES));
    return jsonAnswer(
            found
                .given(ProviderStates.NO_SUCH_DEVICE, Map.of("serial", UNKNOWN_SERIAL))
                .uponReceiving("a request for a device with an unknown serial")
                .path("/api/v1/devices/" + UNKNOWN_SERIAL)
                .method("GET")
                .willRespondWith(),
            404)
        .body(deviceNotFound(UNKNOWN_SERIAL))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "devices")
  void listsDevicesAndGetsUnknownSerialAs404(MockServer server) throws ApiException {
    DevicesApi devices = new DevicesApi(sdkFor(server));

    DeviceList page = devices.listDevices(1, null, null, null, null, null, null);
    assertThat(page.getData()).singleElement().satisfies(DevicesConsumerPactTest::isTheExampleDevice);
    assertThat(page.getMetadata().getPageSize()).isEqualTo(1);
    assertThat(page.getMetadata().getNextPageToken()).isEqualTo(PAGE_TOKEN_EXAMPLE);
    assertThat(page.getTimestamp()).isEqualTo(OffsetDateTime.parse(TIMESTAMP_EXAMPLE));

    Device device = devices.getDevice(SERIAL);
    isTheExampleDevice(device);

    ApiException notFound = refusal(404, ErrorCode.DEVICE_NOT_FOUND, () -> devices.getDevice(UNKNOWN_SERIAL));
    assertThat(errorOf(notFound).getDetails()).containsEntry("serial", UNKNOWN_SERIAL);
  }

  /**
   * The fields of a Device the SDK maps, with the contract's example values; serial, state and
   * breaker state are regular expressions.
   */
  private static PactDslJsonBody device(String serial, String state, String breakerState) {
    return new PactDslJsonBody()
        .stringMatcher("serial", serial, SERIAL)
        .stringMatcher("state", state, "online")
        .stringType("model", "Pixel 7")
        .stringType("manufacturer", "Google")
        .stringType("android_version", "14")
        .integerType("sdk_level", 34)
        .stringType("abi", "arm64-v8a")
        .integerType("battery_level", 87)
        .minArrayLike("labels", 0, PactDslJsonRootValue.stringType("rack-a"), 1)
        .stringMatcher("last_seen_at", TIMESTAMP, "2026-11-22T10:15:30Z")
        .object(
            "link",
            new PactDslJsonBody().stringMatcher("breaker_state", breakerState, "closed").integerType("consecutive_failures", 0))
        .integerType("queued_executions", 0);
  }

  private static void isTheExampleDevice(Device device) {
    assertThat(device.getSerial()).isEqualTo(SERIAL);
    assertThat(device.getState()).isEqualTo(DeviceState.ONLINE);
    assertThat(device.getModel()).isEqualTo("Pixel 7");
    assertThat(device.getSdkLevel()).isEqualTo(34L);
    assertThat(device.getBatteryLevel()).isEqualTo(87L);
    assertThat(device.getLabels()).containsExactly("rack-a");
    assertThat(device.getLastSeenAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:15:30Z"));
    assertThat(device.getLink().getBreakerState()).isEqualTo(BreakerState.CLOSED);
    assertThat(device.getLink().getConsecutiveFailures()).isZero();
    assertThat(device.getQueuedExecutions()).isZero();
  }
}
