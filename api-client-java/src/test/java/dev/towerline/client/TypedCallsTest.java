package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypedCallsTest {

  private final FaultServer server;
  private final TowerlineClient client;

  TypedCallsTest() throws IOException {
    server = new FaultServer();
    client = TowerlineClient.builder().baseUrl(server.baseUrl()).bearerToken("t0ken").userAgent("lab-app/2.0").build();
  }

  /** Set by a test whose server is newer than this contract (an error code it does not list). */
  private boolean answeredWithACodeNewerThanTheContract;

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
    if (!answeredWithACodeNewerThanTheContract) {
      assertThat(server.contractProblems()).isEmpty();
    }
  }

  @Test
  void listsAPageOfDevicesSendingItsFiltersAndPageToken() {
    server.enqueue(FaultServer.json(200, "{\"data\":[" + Fixtures.DEVICE + "],\"metadata\":{\"page_size\":1,"
        + "\"next_page_token\":\"tok-2\"},\"timestamp\":\"2026-11-22T10:15:30Z\"}"));

    Page<Device> page =
        client.listDevices(DeviceQuery.all().withPageSize(1).withPageToken("tok 1").withState(DeviceState.ONLINE).withText("pixel 7"));

    assertThat(page.items()).extracting(Device::getSerial).containsExactly("emulator-5554");
    assertThat(page.nextPageToken()).isEqualTo("tok-2");
    assertThat(page.hasNext()).isTrue();
    FaultServer.Recorded request = server.requests().get(0);
    assertThat(request.target()).isEqualTo("/api/v1/devices?page_size=1&page_token=tok%201&state=online&q=pixel%207");
    assertThat(request.header("authorization")).isEqualTo("Bearer t0ken");
    assertThat(request.header("user-agent")).isEqualTo("lab-app/2.0");
    assertThat(request.header("accept")).isEqualTo("application/json");
  }

  @Test
  void getsOneDeviceByItsEncodedSerial() {
    server.enqueue(FaultServer.json(200, Fixtures.DEVICE.replace("emulator-5554", "192.168.1.5:5555")));

    assertThat(client.getDevice("192.168.1.5:5555").getSerial()).isEqualTo("192.168.1.5:5555");
    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/devices/192.168.1.5%3A5555");
  }

  @Test
  void createsAnExecutionSendingTheCommandAsJson() {
    server.enqueue(Fixtures.created(Fixtures.EXECUTION));

    Execution execution = client.createExecution(NewExecution.of("emulator-5554", "getprop").withTimeoutSeconds(60));

    assertThat(execution.getStatus()).isEqualTo(ExecutionStatus.QUEUED);
    FaultServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{\"device_serial\":\"emulator-5554\",\"command\":\"getprop\",\"timeout_seconds\":60}");
  }

  @Test
  void anExecutionWhoseErrorCodeIsNewerThanTheSdkIsStillReadWithItsMessage() {
    answeredWithACodeNewerThanTheContract = true;
    server.enqueue(FaultServer.json(200, Fixtures.EXECUTION.replace("\"status\":\"queued\"",
        "\"status\":\"error\",\"error\":{\"code\":\"LAB_ON_FIRE\",\"message\":\"The rack is on fire\"}")));

    Execution execution = client.getExecution("ex_01JD4Z8Q2M7W");

    assertThat(execution.getStatus()).isEqualTo(ExecutionStatus.ERROR);
    assertThat(execution.getError().getCode()).as("a code this SDK does not know").isNull();
    assertThat(execution.getError().getMessage()).isEqualTo("The rack is on fire");
    assertThat(server.contractProblems()).singleElement().asString().contains("/error/code");
  }

  @Test
  void getsListsAndCancelsExecutions() {
    server.enqueue(
        FaultServer.json(200, Fixtures.EXECUTION),
        FaultServer.json(200, "{\"data\":[" + Fixtures.EXECUTION + "],\"metadata\":{\"page_size\":20},"
            + "\"timestamp\":\"2026-11-22T10:15:30Z\"}"),
        FaultServer.json(200, Fixtures.EXECUTION.replace("queued", "cancelled")));

    assertThat(client.getExecution("ex_01JD4Z8Q2M7W").getId()).isEqualTo("ex_01JD4Z8Q2M7W");
    Page<Execution> page =
        client.listExecutions(ExecutionQuery.all().withDeviceSerial("emulator-5554")
            .withCreatedAfter(OffsetDateTime.parse("2026-11-22T10:00:00Z")).withStatus(ExecutionStatus.QUEUED));
    assertThat(page.items()).hasSize(1);
    assertThat(page.hasNext()).isFalse();
    assertThat(client.cancelExecution("ex_01JD4Z8Q2M7W").getStatus()).isEqualTo(ExecutionStatus.CANCELLED);

    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsExactly(
        "/api/v1/executions/ex_01JD4Z8Q2M7W",
        "/api/v1/executions?status=queued&device_serial=emulator-5554&created_after=2026-11-22T10%3A00%3A00Z",
        "/api/v1/executions/ex_01JD4Z8Q2M7W/cancel");
  }

  @Test
  void readsExecutionOutputFromAnOffset() {
    server.enqueue(FaultServer.json(200, "{\"execution_id\":\"ex_01JD4Z8Q2M7W\",\"status\":\"succeeded\",\"offset\":5,"
        + "\"next_offset\":12,\"available_from\":0,\"data\":\"Pixel 7\",\"complete\":true}"));

    ExecutionOutput output = client.getExecutionOutput("ex_01JD4Z8Q2M7W", 5);

    assertThat(output).isEqualTo(new ExecutionOutput("ex_01JD4Z8Q2M7W", ExecutionStatus.SUCCEEDED, 5, 12, "Pixel 7", true));
    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/executions/ex_01JD4Z8Q2M7W/output?offset=5");
  }

  @Test
  void readsLiveness() {
    server.enqueue(FaultServer.json(200, "{\"status\":\"ok\",\"version\":\"1.1.0\",\"uptime_seconds\":3600}"));

    assertThat(client.health()).isEqualTo(new Health.Liveness("ok", "1.1.0", Duration.ofHours(1)));
  }

  @Test
  void streamsDevicesFetchingTheNextPageOnlyWhenReached() {
    server.enqueue(
        devicePage("emulator-5554", "tok-2"), devicePage("emulator-5556", null), devicePage("emulator-5554", "tok-2"));

    assertThat(client.streamDevices(DeviceQuery.all().withPageSize(1)).map(Device::getSerial))
        .containsExactly("emulator-5554", "emulator-5556");
    assertThat(client.streamDevices(DeviceQuery.all().withPageSize(1)).findFirst()).isPresent();

    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsExactly(
        "/api/v1/devices?page_size=1",
        "/api/v1/devices?page_size=1&page_token=tok-2",
        "/api/v1/devices?page_size=1");
  }

  private static FaultServer.Respond devicePage(String serial, String nextToken) {
    String token = nextToken == null ? "" : ",\"next_page_token\":\"" + nextToken + "\"";
    return FaultServer.json(200, "{\"data\":[" + Fixtures.DEVICE.replace("emulator-5554", serial) + "],"
        + "\"metadata\":{\"page_size\":1" + token + "},\"timestamp\":\"2026-11-22T10:15:30Z\"}");
  }
}
