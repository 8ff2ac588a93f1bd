package dev.towerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class ObservabilityTest {
  @RegisterExtension static final RunningServer server = new RunningServer();

  private final Logger accessLogger = (Logger) LoggerFactory.getLogger("towerline.access");
  private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

  @BeforeEach
  void captureAccessLog() {
    accessLog.start();
    accessLogger.addAppender(accessLog);
    accessLogger.setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @AfterEach
  void releaseAccessLog() {
    accessLogger.detachAppender(accessLog);
  }

  @Test
  void metricsCountRequestsByRouteTemplateAndStatus() {
    server.get("/api/v1/devices/emulator-5554");
    server.get("/api/v1/devices/R58M123ABC");
    server.get("/api/v1/no-such-route");

    HttpResponse<String> metrics = server.get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("# TYPE towerline_http_server_requests_seconds histogram")
        .containsPattern("(?m)towerline_http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/devices/\\{serial\\}\"[^}]*\\} 2(\\.0)?$")
        .containsPattern("towerline_http_server_requests_seconds_bucket\\{[^}]*route=\"/api/v1/devices/\\{serial\\}\"[^}]*le=\"0\\.005\"")
        .containsPattern("towerline_http_server_requests_seconds_count\\{[^}]*route=\"unmatched\",status=\"404\"")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("emulator-5554");
  }

  @Test
  void writesOneAccessLogLinePerRequestWithItsRequestId() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/devices/emulator-5554").header("X-Request-Id", "trace-me-42"));

    List<ILoggingEvent> lines = accessLog.list.stream().filter(e -> "trace-me-42".equals(e.getMDCPropertyMap().get("request_id"))).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).getFormattedMessage())
        .contains("method=GET", "route=/api/v1/devices/{serial}", "status=" + response.statusCode(), "duration_ms=");
  }
}
