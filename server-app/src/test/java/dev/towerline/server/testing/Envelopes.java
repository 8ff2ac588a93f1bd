package dev.towerline.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import java.net.http.HttpResponse;

/** Assertions on the contract's error envelope. */
public final class Envelopes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Envelopes() {}

  /**
   * Asserts {@code response} is a JSON error envelope with this status and code, whose {@code
   * request_id} equals the {@code X-Request-Id} header and which carries no Java internals, and
   * that the contract allows it ({@link RunningServer#CONTRACT}).
   *
   * @return the {@code error} object
   */
  public static JsonNode assertEnvelope(HttpResponse<String> response, int status, ErrorCode code) {
    // Also for responses of clients other than RunningServer's (e.g. the JDK default in UnservedUpgradeTest).
    RunningServer.CONTRACT.checkResponse(response);
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = parse(response.body());
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("error", "request_id");
    JsonNode error = body.path("error");
    assertThat(error.path("code").asText()).isEqualTo(code.value());
    assertThat(error.path("message").asText()).isNotBlank();
    if (error.has("details")) {
      assertThat(error.path("details").isObject()).as("details is an object").isTrue();
    }
    assertThat(response.headers().firstValue("X-Request-Id"))
        .hasValue(body.path("request_id").asText());
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("at dev.towerline")
        .doesNotContain("at org.glassfish")
        .doesNotContain("<html");
    return error;
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
