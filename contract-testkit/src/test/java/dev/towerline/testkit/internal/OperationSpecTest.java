package dev.towerline.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationSpecTest {

  private static ResponseSpec response(String status) {
    return new ResponseSpec(status, Map.of(), List.of());
  }

  @Test
  void findsTheExactStatusThenItsRangeThenDefault() {
    OperationSpec op =
        new OperationSpec(
            "op", "GET", "/x", Map.of("200", response("200"), "4XX", response("4XX"), "default", response("default")));

    assertThat(op.response(200)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("200"));
    assertThat(op.response(404)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("4XX"));
    assertThat(op.response(503)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("default"));
  }

  @Test
  void undocumentedStatusHasNoResponse() {
    OperationSpec op = new OperationSpec("op", "GET", "/x", Map.of("200", response("200")));

    assertThat(op.response(201)).isEmpty();
    assertThat(op.label()).isEqualTo("op (GET /x)");
  }
}
