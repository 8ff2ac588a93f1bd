package dev.towerline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogLineTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void theJsonLineCarriesEachFieldWithItsTypeAndTheMessageNamesThemInOrder() throws Exception {
    AccessLogLine line = new AccessLogLine("GET", "/api/v1/devices/{serial}", 404, 1_234_567, "api/v1/devices/x", "127.0.0.1", "ci");

    JsonNode json = encode(line);

    assertThat(json.get("method").textValue()).isEqualTo("GET");
    assertThat(json.get("route").textValue()).isEqualTo("/api/v1/devices/{serial}");
    assertThat(json.get("status").isInt()).isTrue();
    assertThat(json.get("status").intValue()).isEqualTo(404);
    assertThat(json.get("duration_ms").isNumber()).isTrue();
    assertThat(json.get("duration_ms").doubleValue()).isEqualTo(1.234567);
    assertThat(json.get("path").textValue()).isEqualTo("api/v1/devices/x");
    assertThat(json.get("client").textValue()).isEqualTo("127.0.0.1");
    assertThat(json.get("actor").textValue()).isEqualTo("ci");
    assertThat(json.get("message").textValue())
        .isEqualTo(
            "method=GET route=/api/v1/devices/{serial} status=404 duration_ms=1.234567 path=api/v1/devices/x"
                + " client=127.0.0.1 actor=ci");
  }

  @Test
  void textInAFieldIsEscapedAsJson() throws Exception {
    AccessLogLine line = new AccessLogLine("GET", "unmatched", 404, 0, "a\"b\\c\n", "::1", "anonymous");

    JsonNode json = encode(line);

    assertThat(json.get("path").textValue()).isEqualTo("a\"b\\c\n");
    assertThat(json.get("duration_ms").doubleValue()).isZero();
  }

  private JsonNode encode(AccessLogLine line) throws Exception {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    ch.qos.logback.classic.Logger logger = context.getLogger("towerline.access");
    LoggingEvent event = new LoggingEvent(getClass().getName(), logger, Level.INFO, "{}", null, new Object[] {line});
    return new ObjectMapper().readTree(encoder.encode(event));
  }
}
