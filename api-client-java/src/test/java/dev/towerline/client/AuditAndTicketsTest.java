package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AC-437, AC-438: {@code createFeedTicket} and {@code listAuditEntries} on the loopback FaultServer. */
class AuditAndTicketsTest {

  private static final String TICKET = "ft_Jq3v9nYc0w7Xk2LmP4sR8tUe1ZaB6dHf5gKo0iNjQyM";
  private static final String REFUSED_ENTRY =
      "{\"id\":\"1043\",\"recorded_at\":\"2026-11-22T10:15:05Z\",\"actor\":\"ci-runner\",\"role\":\"operator\","
          + "\"client_address\":\"10.0.4.17\",\"request_id\":\"9b2e61c0-5d1f-4a8e-8c3b-7e0f4d2a1c55\","
          + "\"operation\":\"createExecution\",\"target\":{\"device_serial\":\"emulator-5554\"},"
          + "\"outcome\":{\"result\":\"refused\",\"status\":422,\"error_code\":\"COMMAND_NOT_ALLOWED\"},"
          + "\"payload\":{\"device_serial\":\"emulator-5554\",\"command\":\"reboot\"}}";
  private static final String ANONYMOUS_ENTRY =
      "{\"id\":\"1042\",\"recorded_at\":\"2026-11-22T10:15:02Z\",\"actor\":\"anonymous\","
          + "\"operation\":\"cancelExecution\",\"outcome\":{\"result\":\"refused\",\"status\":401,"
          + "\"error_code\":\"UNAUTHENTICATED\"},\"payload_omitted\":\"not_json\"}";

  private final FaultServer server;
  private final Fixtures.FakeTime time = new Fixtures.FakeTime();
  private final TowerlineClient client;

  AuditAndTicketsTest() throws IOException {
    server = new FaultServer();
    client =
        TowerlineClient.builder().baseUrl(server.baseUrl()).bearerToken("adm1n").clock(time).sleeper(time.sleeper()).build();
  }

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
  void createsAFeedTicketWithAnEmptyPostAndKeepsItOutOfToString() {
    server.enqueue(ticketAnswer());

    FeedTicket ticket = client.createFeedTicket();

    assertThat(ticket).isEqualTo(new FeedTicket(TICKET, OffsetDateTime.parse("2026-11-22T10:15:32Z")));
    assertThat(ticket.toString()).doesNotContain(TICKET).contains("2026-11-22T10:15:32Z");
    FaultServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/api/v1/feed-tickets");
    assertThat(request.body()).isEmpty();
    assertThat(request.header("authorization")).isEqualTo("Bearer adm1n");
    assertThat(request.header("idempotency-key")).isNull();
  }

  @Test
  void retriesAFeedTicketWhoseAnswerWasLostBecauseARepeatOnlyLeavesAnUnusedTicket() {
    server.enqueue(new FaultServer.Drop(), FaultServer.envelope(503, "SERVICE_UNAVAILABLE", "starting", "{}")
        .withHeader("Retry-After", "2"), ticketAnswer());

    assertThat(client.createFeedTicket().ticket()).isEqualTo(TICKET);

    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsExactly(
        "/api/v1/feed-tickets", "/api/v1/feed-tickets", "/api/v1/feed-tickets");
    assertThat(time.sleeps).hasSize(2).last().isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void listsAuditEntriesSendingEveryFilterAndMappingEveryField() {
    server.enqueue(auditPage("YXVkaXQ6MTA0Mg", REFUSED_ENTRY, ANONYMOUS_ENTRY));

    Page<AuditEntry> page =
        client.listAuditEntries(AuditQuery.all().withPageSize(2).withPageToken("tok 1").withActor("ci runner")
            .withOperation("createExecution").withSince(OffsetDateTime.parse("2026-11-22T00:00:00Z"))
            .withUntil(OffsetDateTime.parse("2026-11-23T00:00+01:00")));

    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/audit?page_size=2&page_token=tok%201"
        + "&actor=ci%20runner&operation=createExecution&since=2026-11-22T00%3A00%3A00Z&until=2026-11-23T00%3A00%3A00%2B01%3A00");
    assertThat(page.nextPageToken()).isEqualTo("YXVkaXQ6MTA0Mg");
    assertThat(page.items()).containsExactly(
        new AuditEntry("1043", OffsetDateTime.parse("2026-11-22T10:15:05Z"), "ci-runner", "operator", "10.0.4.17",
            "9b2e61c0-5d1f-4a8e-8c3b-7e0f4d2a1c55", "createExecution", null, "emulator-5554",
            new AuditEntry.Outcome("refused", 422, "COMMAND_NOT_ALLOWED"),
            Map.of("device_serial", "emulator-5554", "command", "reboot"), null),
        new AuditEntry("1042", OffsetDateTime.parse("2026-11-22T10:15:02Z"), "anonymous", null, null, null,
            "cancelExecution", null, null, new AuditEntry.Outcome("refused", 401, "UNAUTHENTICATED"), null,
            "not_json"));
    AuditEntry refused = page.items().get(0);
    assertThat(refused.payloadField("command")).contains("reboot");
    assertThat(refused.outcome().succeeded()).isFalse();
    assertThat(refused.outcome().knownErrorCode()).contains(ErrorCode.COMMAND_NOT_ALLOWED);
    assertThat(page.items().get(1).payloadField("command")).isEmpty();
  }

  @Test
  void anErrorCodeNewerThanThisSdkKeepsThePageReadable() {
    answeredWithACodeNewerThanTheContract = true;
    server.enqueue(auditPage(null, REFUSED_ENTRY.replace("COMMAND_NOT_ALLOWED", "QUOTA_EXCEEDED"), ANONYMOUS_ENTRY));

    List<AuditEntry> entries = client.listAuditEntries(AuditQuery.all()).items();

    assertThat(entries).extracting(entry -> entry.outcome().errorCode()).containsExactly("QUOTA_EXCEEDED", "UNAUTHENTICATED");
    assertThat(entries.get(0).outcome().knownErrorCode()).isEmpty();
    assertThat(entries.get(0).payloadField("command")).contains("reboot");
    assertThat(server.contractProblems()).singleElement().asString().contains("/data/0/outcome/error_code");
  }

  @Test
  void streamsAuditEntriesFetchingTheNextPageOnlyWhenReached() {
    server.enqueue(auditPage("tok-2", REFUSED_ENTRY), auditPage(null, ANONYMOUS_ENTRY), auditPage("tok-2", REFUSED_ENTRY));

    AuditQuery query = AuditQuery.all().withActor("ci-runner").withPageSize(1);
    assertThat(client.streamAuditEntries(query).map(AuditEntry::id)).containsExactly("1043", "1042");
    assertThat(client.streamAuditEntries(query).findFirst()).map(AuditEntry::operation).contains("createExecution");

    assertThat(server.requests()).extracting(FaultServer.Recorded::target).containsExactly(
        "/api/v1/audit?page_size=1&actor=ci-runner",
        "/api/v1/audit?page_size=1&page_token=tok-2&actor=ci-runner",
        "/api/v1/audit?page_size=1&actor=ci-runner");
  }

  @Test
  void aTokenBelowAdminGetsNotAuthorizedAt403WithoutRetries() {
    server.enqueue(FaultServer.envelope(403, "FORBIDDEN", "Role viewer may not call listAuditEntries; it needs admin",
        "{\"role\":\"viewer\",\"required_role\":\"admin\"}"));

    assertThatThrownBy(() -> client.listAuditEntries(AuditQuery.all()))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(403);
          assertThat(e.knownErrorCode()).contains(ErrorCode.FORBIDDEN);
          assertThat(e.details()).containsEntry("required_role", "admin");
          assertThat(e.requestId()).contains(FaultServer.REQUEST_ID);
        });
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void withoutATokenAFeedTicketIsRefusedAsNotAuthorized() {
    server.enqueue(FaultServer.envelope(401, "UNAUTHENTICATED", "A bearer token is required", "{}")
        .withHeader("WWW-Authenticate", "Bearer realm=\"towerline\""));

    assertThatThrownBy(client::createFeedTicket)
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theReadmesAuditExamplePrintsWhoWasRefusedWhatAndWhy() {
    server.enqueue(auditPage(null, REFUSED_ENTRY, ANONYMOUS_ENTRY));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    TowerlineClient towerline = client;
    OffsetDateTime yesterday = OffsetDateTime.parse("2026-11-21T10:00:00Z");

    // --- as in README.md ---
    towerline.streamAuditEntries(AuditQuery.all().withOperation("createExecution").withSince(yesterday))
        .filter(entry -> !entry.outcome().succeeded())
        .forEach(entry -> out.println(entry.actor() + " " + entry.outcome().errorCode() + " " + entry.payloadField("command").orElse("")));
    // ---

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("ci-runner COMMAND_NOT_ALLOWED reboot\nanonymous UNAUTHENTICATED \n");
    assertThat(server.requests().get(0).target()).isEqualTo("/api/v1/audit?operation=createExecution&since=2026-11-21T10%3A00%3A00Z");
  }

  private static FaultServer.Respond ticketAnswer() {
    return FaultServer.json(201, "{\"ticket\":\"" + TICKET + "\",\"expires_at\":\"2026-11-22T10:15:32Z\"}");
  }

  private static FaultServer.Respond auditPage(String nextToken, String... entries) {
    String token = nextToken == null ? "" : ",\"next_page_token\":\"" + nextToken + "\"";
    return FaultServer.json(200, "{\"data\":[" + String.join(",", List.of(entries)) + "],\"metadata\":{\"page_size\":"
        + entries.length + token + "},\"timestamp\":\"2026-11-22T10:15:31Z\"}");
  }
}
