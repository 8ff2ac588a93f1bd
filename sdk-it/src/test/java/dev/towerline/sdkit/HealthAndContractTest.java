package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.client.DeprecationNotice;
import dev.towerline.client.Health;
import dev.towerline.client.TowerlineClient;
import dev.towerline.client.TowerlineListener;
import dev.towerline.sdkit.support.ContractProxy;
import dev.towerline.server.testing.RunningServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The health, metrics, status and contract-document calls against the real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthAndContractTest {

  @RegisterExtension @Order(1) static final RunningServer server = new RunningServer();
  @RegisterExtension @Order(2) static final ContractProxy proxy = ContractProxy.inFrontOf(() -> server.uri("/"));

  private final List<DeprecationNotice> notices = new CopyOnWriteArrayList<>();
  private final TowerlineClient client =
      TowerlineClient.builder()
          .baseUrl(proxy.baseUrl())
          .listener(new TowerlineListener() {
            @Override
            public void deprecated(DeprecationNotice notice) {
              notices.add(notice);
            }
          })
          .build();

  @AfterEach
  void closeClient() {
    server.adb().faults().clear();
    client.close();
  }

  @Test
  void aStartedServerIsLiveAndReady() {
    assertThat(client.health().status()).isEqualTo("ok");
    assertThat(client.readiness()).isEqualTo(new Health.Readiness(true, "ready", Map.of(), null));
  }

  @Test
  void reportsEachDependencyPassing() {
    Health.Report report = client.fullHealth();

    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).containsKeys("adb", "database");
    assertThat(report.failing()).isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: the hang may leave the server's ADB breaker open for the others
  void aHangingAdbServerIsAFailingReportNotAnException() {
    server.adb().faults().hang(Duration.ofSeconds(10));

    Health.Report report = client.fullHealth();

    assertThat(report.passed()).isFalse();
    assertThat(report.failing()).containsExactly("adb");
    assertThat(report.checks().get("database").passed()).isTrue();
    List<ContractProxy.Exchange> fullHealth = proxy.exchanges("GET", "/health/full");
    assertThat(fullHealth.get(fullHealth.size() - 1).status()).isEqualTo(503);
  }

  @Test
  void readsPrometheusMetricsThatCountTheSdksOwnRequests() {
    client.listDevices();

    assertThat(client.metrics()).contains("towerline_http_server_requests_seconds_count{").contains("route=\"/api/v1/devices\"");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theLegacyStatusWorksAndTellsTheListenerItIsDeprecatedOnce() {
    assertThat(client.legacyStatus()).isEqualTo(new Health.LegacyStatus(true, true, true));
    client.legacyStatus();

    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).operation()).isEqualTo("getLegacyStatus");
    assertThat(notices.get(0).sunset()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
    // The contract links the guide the server serves; the SDK resolves it against the server it called.
    assertThat(notices.get(0).link())
        .isEqualTo(java.net.URI.create(proxy.baseUrl()).resolve("/docs/guides/migrate-legacy-status.html").toString());
  }

  @Test
  void readsTheContractDocumentsTheServerImplements() {
    assertThat(client.openApiDocument()).startsWith("openapi: 3.0.3");
    assertThat(client.asyncApiDocument()).contains("asyncapi: 3.0.0");
    assertThat(client.schemaDocument("device.json")).contains("\"title\": \"Device\"");
  }
}
