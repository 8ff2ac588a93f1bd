package dev.towerline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.MutableClock;
import dev.towerline.server.auth.Role;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.json.JsonMappers;
import dev.towerline.server.listing.Page;
import dev.towerline.server.store.Database;
import dev.towerline.server.store.DatabaseConfig;
import dev.towerline.server.store.Persistence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the audit log must do on every database; {@link H2AuditLogTest} and {@link
 * PostgresAuditLogTest} run it on embedded H2 and on the machine's PostgreSQL. Each test uses actors
 * of its own, so tests sharing the table never see each other's entries.
 */
abstract class AuditLogContract {
  private static final ObjectMapper JSON = JsonMappers.create();

  private static Database database;
  private static Persistence persistence;
  static final MutableClock clock = MutableClock.atTheEpochOfTheTests();
  static AuditLog auditLog;

  static void open(DatabaseConfig config) {
    database = Database.open(config, new SimpleMeterRegistry());
    persistence = new Persistence(database, Duration.ofSeconds(1));
    persistence.start(() -> {});
    assertThat(persistence.isReady()).as("migrated and validated").isTrue();
    auditLog = new AuditLog(database.dataSource(), persistence::isReady, JSON, clock);
  }

  @AfterAll
  static void closeDatabase() {
    persistence.close();
    database.close();
  }

  private static String actor() {
    return "actor-" + UUID.randomUUID();
  }

  private static AuditEvent created(String actor, String command) {
    return new AuditEvent(
        actor,
        Role.OPERATOR,
        "10.0.4.17",
        "req-" + UUID.randomUUID(),
        "createExecution",
        new AuditTarget("ex_1", "emulator-5554"),
        AuditOutcome.ofHttp(201, null),
        JSON.valueToTree(Map.of("device_serial", "emulator-5554", "command", command)),
        null);
  }

  private static List<AuditEntry> all(AuditQuery query) {
    return auditLog.list(query, 500, null).items();
  }

  @Test
  void recordsAnEntryAndReadsBackEveryField() {
    String actor = actor();
    AuditEvent refused =
        new AuditEvent(
            actor,
            null,
            "::1",
            "req-refused",
            "cancelExecution",
            new AuditTarget("ex_2", null),
            AuditOutcome.ofHttp(401, ErrorCode.UNAUTHENTICATED),
            null,
            AuditEvent.PayloadOmission.NOT_JSON);
    AuditEntry stored = auditLog.record(refused);

    List<AuditEntry> read = all(new AuditQuery(actor, null, null, null));
    assertThat(read).containsExactly(stored);
    assertThat(read.get(0).recordedAt()).isEqualTo(clock.instant());
    assertThat(read.get(0).event()).isEqualTo(refused);
    assertThat(read.get(0).event().outcome().result()).isEqualTo(AuditOutcome.Result.REFUSED);
  }

  @Test
  void anEntryInsertedAsAnotherWritesStatementIsStoredRedactedAsRecordWouldStoreIt() throws Exception {
    String actor = actor();
    AuditEvent event = created(actor, "curl -H 'Authorization: Bearer abc123' http://ci/build");
    AuditLog.Insert insert = auditLog.insertOf(event);

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(insert.sql())) {
      insert.bind(statement, 1);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    List<AuditEntry> read = all(new AuditQuery(actor, null, null, null));
    assertThat(read).hasSize(1);
    assertThat(read.get(0).recordedAt()).isEqualTo(clock.instant());
    assertThat(read.get(0).event().requestId()).isEqualTo(event.requestId());
    assertThat(read.get(0).event().outcome()).isEqualTo(event.outcome());
    assertThat(read.get(0).event().payload().path("command").asText()).isEqualTo("curl -H 'Authorization: Bearer [redacted]' http://ci/build");
  }

  @Test
  void storesThePayloadWithItsSecretsRedacted() {
    String actor = actor();
    AuditEvent event =
        new AuditEvent(
            actor,
            Role.OPERATOR,
            "127.0.0.1",
            "req",
            "createExecution",
            AuditTarget.NONE,
            AuditOutcome.ofHttp(400, ErrorCode.VALIDATION_FAILED),
            JSON.valueToTree(
                Map.of(
                    "command", "curl -H 'Authorization: Bearer abc123' http://ci/build",
                    "password", "hunter2",
                    "nested", Map.of("api_key", "k-42", "name", "kept"))),
            null);
    auditLog.record(event);

    JsonNode payload = all(new AuditQuery(actor, null, null, null)).get(0).event().payload();
    assertThat(payload.path("command").asText()).isEqualTo("curl -H 'Authorization: Bearer [redacted]' http://ci/build");
    assertThat(payload.path("password").asText()).isEqualTo("[redacted]");
    assertThat(payload.path("nested").path("api_key").asText()).isEqualTo("[redacted]");
    assertThat(payload.path("nested").path("name").asText()).isEqualTo("kept");
    assertThat(payload.toString()).doesNotContain("abc123", "hunter2", "k-42");
  }

  @Test
  void listsNewestFirstInPagesThatWalkTheLogExactlyOnce() {
    String actor = actor();
    List<Long> recorded = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      recorded.add(0, auditLog.record(created(actor, "echo " + i)).id());
    }
    AuditQuery query = new AuditQuery(actor, null, null, null);
    List<Long> walked = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<AuditEntry> page = auditLog.list(query, 3, token);
      page.items().forEach(entry -> walked.add(entry.id()));
      token = page.nextPageToken().orElse(null);
      pages++;
    } while (token != null);

    assertThat(walked).containsExactlyElementsOf(recorded);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void filtersByActorOperationAndTime() {
    String alice = actor();
    String bob = actor();
    AuditEntry early = auditLog.record(created(alice, "echo early"));
    clock.advance(Duration.ofMinutes(10));
    AuditEntry cancel =
        auditLog.record(
            new AuditEvent(
                alice, Role.OPERATOR, "127.0.0.1", "r", "cancelExecution", new AuditTarget("ex_1", null),
                AuditOutcome.ofHttp(200, null), null, null));
    AuditEntry byBob = auditLog.record(created(bob, "echo bob"));
    clock.advance(Duration.ofMinutes(10));
    AuditEntry late = auditLog.record(created(alice, "echo late"));

    assertThat(all(new AuditQuery(alice, null, null, null))).containsExactly(late, cancel, early);
    assertThat(all(new AuditQuery(bob, null, null, null))).containsExactly(byBob);
    assertThat(all(new AuditQuery(alice, "createExecution", null, null))).containsExactly(late, early);
    assertThat(all(new AuditQuery(alice, null, cancel.recordedAt(), null))).as("since is inclusive").containsExactly(late, cancel);
    assertThat(all(new AuditQuery(alice, null, null, late.recordedAt()))).as("until is exclusive").containsExactly(cancel, early);
    assertThat(all(new AuditQuery(alice, null, early.recordedAt().plusSeconds(1), late.recordedAt()))).containsExactly(cancel);
  }

  @Test
  void aPageTokenIsOnlyValidWithTheFiltersItWasIssuedFor() {
    String actor = actor();
    auditLog.record(created(actor, "echo 1"));
    auditLog.record(created(actor, "echo 2"));
    String token = auditLog.list(new AuditQuery(actor, null, null, null), 1, null).nextPageToken().orElseThrow();

    assertThatThrownBy(() -> auditLog.list(new AuditQuery(actor, "cancelExecution", null, null), 1, token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
    assertThatThrownBy(() -> auditLog.list(new AuditQuery(actor, null, null, null), 1, token.substring(0, token.length() - 2)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_TOKEN));
  }

  @Test
  void retentionDeletesOnlyEntriesOlderThanItsDaysOnTheClock() {
    String actor = actor();
    AuditRetention retention = new AuditRetention(auditLog, AuditConfig.custom().retentionDays(30).build(), clock);
    AuditEntry old = auditLog.record(created(actor, "echo old"));
    clock.advance(Duration.ofDays(20));
    AuditEntry recent = auditLog.record(created(actor, "echo recent"));

    clock.advance(Duration.ofDays(10));
    retention.purgeNow();
    assertThat(all(new AuditQuery(actor, null, null, null))).as("exactly 30 days old is kept").containsExactly(recent, old);

    clock.advance(Duration.ofSeconds(1));
    assertThat(retention.purgeNow()).isPositive();
    assertThat(all(new AuditQuery(actor, null, null, null))).containsExactly(recent);

    clock.advance(Duration.ofDays(20));
    retention.purgeNow();
    assertThat(all(new AuditQuery(actor, null, null, null))).isEmpty();
  }

  @Test
  void recordsAnAdminActionFromOutsideHttp() {
    String actor = actor();
    auditLog.recordAdminAction(
        actor, Role.ADMIN, "reloadTokens", Map.of("file", "/etc/towerline/tokens", "tokens", 3), AuditOutcome.succeeded());

    AuditEvent event = all(new AuditQuery(actor, "reloadTokens", null, null)).get(0).event();
    assertThat(event.role()).isEqualTo(Role.ADMIN);
    assertThat(event.clientAddress()).isNull();
    assertThat(event.outcome()).isEqualTo(new AuditOutcome(AuditOutcome.Result.SUCCEEDED, null, null));
    assertThat(event.payload().path("file").asText()).isEqualTo("/etc/towerline/tokens");
    assertThat(event.payload().path("tokens").asText()).as("a field named like a secret").isEqualTo("[redacted]");
  }

  @Test
  void recordsTextTheColumnsCannotHoldAsItIsCutAndCleaned() {
    String actor = actor();
    String serial = "dev\u0000ice-" + "x".repeat(300);
    auditLog.record(
        new AuditEvent(
            actor, Role.OPERATOR, "127.0.0.1", "r", "createExecution", new AuditTarget(null, serial),
            AuditOutcome.ofHttp(400, ErrorCode.VALIDATION_FAILED), JSON.valueToTree(Map.of("device_serial", serial)), null));

    AuditEvent event = all(new AuditQuery(actor, null, null, null)).get(0).event();
    assertThat(event.target().deviceSerial()).hasSize(128).startsWith("dev\uFFFDice-xxx");
    assertThat(event.payload().path("device_serial").asText()).isEqualTo(serial);
  }

  @Test
  void concurrentRecordsAreEachCommittedBeforeTheyReturn() throws Exception {
    int threads = 12;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          String actor = actor();
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            long id = auditLog.record(created(actor, "echo " + i)).id();
            // Read on another connection: only a committed row is visible there.
            assertThat(all(new AuditQuery(actor, null, null, null))).extracting(AuditEntry::id).contains(id);
            ids.add(id);
          }
          return ids;
        }));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<List<Long>> thread : done) {
        ids.addAll(thread.get(60, TimeUnit.SECONDS));
      }
      assertThat(ids).as("one row, with its own id, per record").hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
