package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Executions;
import dev.towerline.server.testing.PostgresSchemas;
import dev.towerline.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Text PostgreSQL cannot store (U+0000) is refused at the door, never a 500 from the database. */
class UnstorableTextTest {
  static final PostgresSchemas schema = PostgresSchemas.create();

  @RegisterExtension static final RunningServer server = new RunningServer().database(schema::config);

  private static final Executions executions = new Executions(server);

  @AfterAll
  static void dropSchema() {
    schema.close();
  }

  @Test
  void nulInABodyFieldIsA400NamingTheField() {
    String body = "{\"device_serial\":\"" + server.serial(0) + "\",\"command\":\"echo a\\u0000b\"}";

    JsonNode violation = assertEnvelope(executions.post(body), 400, ErrorCode.VALIDATION_FAILED).path("details").path("violations").path(0);
    assertThat(violation.path("field").asText()).isEqualTo("command");
    assertThat(violation.path("reason").asText()).isEqualTo("must not contain the NUL character (U+0000)");
  }

  @Test
  void nulInAQueryOrPathValueIsA400NamingTheParameter() {
    JsonNode query = assertEnvelope(server.get("/api/v1/executions?device_serial=a%00b"), 400, ErrorCode.INVALID_PARAMETER);
    assertThat(query.path("details").path("parameter").asText()).isEqualTo("device_serial");

    JsonNode path = assertEnvelope(server.get("/api/v1/executions/ex%00"), 400, ErrorCode.INVALID_PARAMETER);
    assertThat(path.path("details").path("parameter").asText()).isEqualTo("execution_id");
    assertThat(path.path("details").path("reason").asText()).isEqualTo("must not contain the NUL character (U+0000)");
  }
}
