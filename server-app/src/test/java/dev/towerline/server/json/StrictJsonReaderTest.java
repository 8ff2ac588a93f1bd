package dev.towerline.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.contract.Violation;
import dev.towerline.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {
  private final StrictJsonReader reader = new StrictJsonReader();

  @Test
  void reportsDuplicateKeysAndLoneSurrogatesWherePresentKeepingTheFirstValue() {
    StrictJsonReader.Parsed parsed = read("{\"a\":{\"b\":1,\"b\":2},\"c\":[\"ok\",\"\\ud800\"]}");

    assertThat(parsed.violations())
        .containsExactly(new Violation("a.b", "duplicate key"), new Violation("c[1]", "is not valid Unicode text"));
    assertThat(parsed.value().path("a").path("b").asInt()).isEqualTo(1);
  }

  @Test
  void keepsDecimalsDecimal() {
    assertThat(read("1.0").value().isIntegralNumber()).isFalse();
    assertThat(read("1e2").value().isIntegralNumber()).isFalse();
    assertThat(read("12345678901234567890").value().bigIntegerValue().toString()).isEqualTo("12345678901234567890");
  }

  @Test
  void emptyBodyHasNoValue() {
    assertThat(read(" \n").value()).isNull();
  }

  @Test
  void refusesContentAfterTheValueAndParserLimitsInItsOwnWords() {
    assertMalformed("{} []", "Request body is not valid JSON: there is content after the JSON value");
    assertMalformed("[".repeat(1001) + "]".repeat(1001), "Request body is not valid JSON: it exceeds the parser's limits");
    assertMalformed("{\"a\":", "Request body is not valid JSON: unexpected end of input");
    assertMalformed("1e-9999999999", "Request body is not valid JSON: a number's exponent is out of range");
  }

  private StrictJsonReader.Parsed read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private void assertMalformed(String json, String messageStart) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON))
        .hasMessageStartingWith(messageStart)
        .hasMessageNotContaining("StreamReadConstraints")
        .hasMessageNotContaining("Source");
  }
}
