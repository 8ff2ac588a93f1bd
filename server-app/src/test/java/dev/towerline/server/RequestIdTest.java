package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.Envelopes;
import dev.towerline.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestIdTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  @Test
  void echoesClientRequestIdInHeaderAndEnvelope() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/devices/no-such-serial").header("X-Request-Id", "abc").GET());

    assertEnvelope(response, 404, ErrorCode.DEVICE_NOT_FOUND);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc");
    assertThat(Envelopes.parse(response.body()).path("request_id").asText()).isEqualTo("abc");
  }

  @Test
  void generatesRequestIdWhenClientSendsNone() {
    HttpResponse<String> response = server.get("/api/v1/nope");

    assertEnvelope(response, 404, ErrorCode.ROUTE_NOT_FOUND);
    assertThat(response.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
  }

  @Test
  void replacesUnusableClientRequestId() {
    String tooLong = "x".repeat(129);
    HttpResponse<String> response =
        server.send(server.request("/health").header("X-Request-Id", tooLong).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
  }

  @Test
  void successfulResponsesCarryTheRequestIdToo() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/openapi.yaml").header("X-Request-Id", "trace-42").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
  }
}
