package dev.towerline.sdkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.towerline.client.AuditEntry;
import dev.towerline.client.AuditQuery;
import dev.towerline.client.FeedTicket;
import dev.towerline.client.NotAuthorizedException;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Execution;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.auth.Role;
import dev.towerline.server.testing.JdkFeedClient;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.net.http.WebSocketHandshakeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AC-437, AC-438: the SDK's audit and feed-ticket calls against the real server with tokens. */
class AuditAndTicketsTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer().tokens(TOKENS);
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  @Test
  void anAdminReadsTheAuditEntriesOfExecutionsTheSdkCreatedPageByPage() {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    String marker = "audit-" + UUID.randomUUID();
    List<Execution> created;
    try (TowerlineClient operator = client(Role.OPERATOR)) {
      created = List.of(operator.createExecution(server.serial(0), "echo " + marker + "-1"),
          operator.createExecution(server.serial(0), "echo " + marker + "-2"));
    }
    try (TowerlineClient viewer = client(Role.VIEWER)) {
      assertThatThrownBy(() -> viewer.createExecution(server.serial(0), "echo " + marker + "-viewer"))
          .isInstanceOf(NotAuthorizedException.class);
    }

    List<AuditEntry> entries;
    try (TowerlineClient admin = client(Role.ADMIN)) {
      entries = admin.streamAuditEntries(AuditQuery.all().withOperation("createExecution").withSince(start).withPageSize(1))
          .filter(entry -> entry.payloadField("command").map(command -> command.toString().startsWith("echo " + marker)).orElse(false))
          .toList();
    }

    assertThat(entries).extracting(AuditEntry::actor, entry -> entry.payloadField("command").orElseThrow())
        .containsExactly(
            tuple(TestTokens.holder(Role.VIEWER), "echo " + marker + "-viewer"),
            tuple(TestTokens.holder(Role.OPERATOR), "echo " + marker + "-2"),
            tuple(TestTokens.holder(Role.OPERATOR), "echo " + marker + "-1"));
    AuditEntry refused = entries.get(0);
    assertThat(refused.role()).isEqualTo("viewer");
    assertThat(refused.outcome()).isEqualTo(new AuditEntry.Outcome("refused", 403, "FORBIDDEN"));
    assertThat(refused.executionId()).isNull();
    AuditEntry first = entries.get(2);
    assertThat(first.executionId()).isEqualTo(created.get(0).getId());
    assertThat(first.deviceSerial()).isEqualTo(server.serial(0));
    assertThat(first.role()).isEqualTo("operator");
    assertThat(first.outcome()).isEqualTo(new AuditEntry.Outcome("succeeded", 201, null));
    assertThat(first.requestId()).isNotBlank();
    assertThat(first.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(first.recordedAt()).isAfterOrEqualTo(start);
    assertThat(entries.get(1).executionId()).isEqualTo(created.get(1).getId());
    assertThat(proxy.exchanges("GET", "/api/v1/audit").size()).as("pages of one entry each").isGreaterThanOrEqualTo(3);
  }

  @Test
  void theAuditLogFiltersByActorForAnAdmin() {
    try (TowerlineClient operator = client(Role.OPERATOR); TowerlineClient admin = client(Role.ADMIN)) {
      Execution created = operator.createExecution(server.serial(1), "echo by-actor");

      List<AuditEntry> byOperator = admin.streamAuditEntries(AuditQuery.all().withActor(TestTokens.holder(Role.OPERATOR))).toList();
      List<AuditEntry> byAdmin = admin.streamAuditEntries(AuditQuery.all().withActor(TestTokens.holder(Role.ADMIN))).toList();

      assertThat(byOperator).extracting(AuditEntry::executionId).contains(created.getId());
      assertThat(byOperator).extracting(AuditEntry::actor).containsOnly(TestTokens.holder(Role.OPERATOR));
      assertThat(byAdmin).extracting(AuditEntry::executionId).doesNotContain(created.getId());
    }
  }

  @Test
  void viewersAndOperatorsMayNotReadTheAuditLog() {
    for (Role role : List.of(Role.VIEWER, Role.OPERATOR)) {
      try (TowerlineClient client = client(role)) {
        assertThatThrownBy(() -> client.listAuditEntries(AuditQuery.all()))
            .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.knownErrorCode()).contains(ErrorCode.FORBIDDEN);
              assertThat(e.details()).containsEntry("role", role.contractName()).containsEntry("required_role", "admin");
            });
      }
    }
    assertThat(proxy.exchanges("GET", "/api/v1/audit")).extracting(ContractProxy.Exchange::status).containsExactly(403, 403);
  }

  @Test
  void aTicketFromTheSdkOpensOneFeedOnceWithAPlainJdkWebSocket() {
    FeedTicket ticket;
    try (TowerlineClient viewer = client(Role.VIEWER)) {
      ticket = viewer.createFeedTicket();
    }
    assertThat(ticket.expiresAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC)).isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(31));

    try (JdkFeedClient feed = JdkFeedClient.connect(server, "devices?ticket=" + ticket.ticket())) {
      assertThat(feed.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
      assertThat(feed.next("snapshot").path("type").asText()).isEqualTo("snapshot");
    }
    Throwable reused = catchThrowable(() -> JdkFeedClient.connect(server, "devices?ticket=" + ticket.ticket()));
    assertThat(reused).as("a ticket opens one feed, once").hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) reused.getCause()).getResponse().statusCode()).isEqualTo(401);
  }

  @Test
  void aFeedTicketWhoseAnswerWasLostIsAskedForAgainAndTheNewOneOpensTheFeed() {
    long ticketsIssuedBefore = ticketsIssuedTo(Role.VIEWER);
    int before = proxy.exchanges("POST", "/api/v1/feed-tickets").size();
    proxy.loseNextAnswer("POST", "/api/v1/feed-tickets");
    FeedTicket ticket;
    try (TowerlineClient viewer = client(Role.VIEWER)) {
      ticket = viewer.createFeedTicket();
    }

    List<ContractProxy.Exchange> exchanges = proxy.exchanges("POST", "/api/v1/feed-tickets");
    assertThat(exchanges.subList(before, exchanges.size())).extracting(ContractProxy.Exchange::lost, ContractProxy.Exchange::status)
        .containsExactly(tuple(true, 201), tuple(false, 201));
    try (JdkFeedClient feed = JdkFeedClient.connect(server, "dashboard?ticket=" + ticket.ticket())) {
      assertThat(feed.next("connection_ack").path("type").asText()).isEqualTo("connection_ack");
    }
    assertThat(ticketsIssuedTo(Role.VIEWER) - ticketsIssuedBefore).as("the lost answer's ticket was issued too, and is left unused")
        .isEqualTo(2);
  }

  private static long ticketsIssuedTo(Role role) {
    try (TowerlineClient admin = client(Role.ADMIN)) {
      return admin.streamAuditEntries(AuditQuery.all().withOperation("createFeedTicket").withActor(TestTokens.holder(role)))
          .filter(entry -> entry.outcome().succeeded())
          .count();
    }
  }

  @Test
  void withoutATokenNoTicketIsIssued() {
    try (TowerlineClient anonymous = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build()) {
      assertThatThrownBy(anonymous::createFeedTicket)
          .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.knownErrorCode()).contains(ErrorCode.UNAUTHENTICATED));
    }
  }

  private static TowerlineClient client(Role role) {
    return TowerlineClient.builder().baseUrl(proxy.baseUrl()).bearerToken(TOKENS.token(role)).build();
  }
}
