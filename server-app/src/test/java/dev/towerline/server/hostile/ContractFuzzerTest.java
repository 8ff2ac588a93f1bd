package dev.towerline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.server.testing.ContractOperations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzzer's own promises: every operation, parameter and body field covered; a seed always gives the same cases. */
class ContractFuzzerTest {
  private static final SpecSchemas SPEC = new SpecSchemas(ContractOperations.openApi());
  private static final Map<String, String> KNOWN = Map.of("serial", "emulator-5554", "device_serial", "emulator-5556");

  @Test
  void sameSeedGivesTheSameCasesInTheSameOrder() {
    assertThat(described(9)).isEqualTo(described(9)).isNotEqualTo(described(10));
  }

  @Test
  void everyOperationParameterAndBodyFieldGetsCases() {
    Map<String, List<FuzzCase>> cases = new ContractFuzzer(SPEC, 9, KNOWN).casesByOperation();

    for (Map.Entry<String, JsonNode> path : SPEC.openApi().path("paths").properties()) {
      path.getValue().properties().forEach(operation -> {
        String id = operation.getValue().path("operationId").asText();
        assertThat(cases).as("operations fuzzed").containsKey(id);
        List<String> varied = cases.get(id).stream().map(FuzzCase::varied).toList();
        for (JsonNode declared : operation.getValue().path("parameters")) {
          JsonNode parameter = SPEC.resolve(declared);
          String prefix = parameter.path("in").asText() + " " + parameter.path("name").asText() + ": ";
          assertThat(varied).as("%s cases", id).anyMatch(v -> v.startsWith(prefix));
        }
        JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
        SPEC.resolve(body).path("properties").fieldNames().forEachRemaining(field ->
            assertThat(varied).as("%s cases", id).anyMatch(v -> v.startsWith("body " + field + ": ")));
      });
    }
    assertThat(cases.values().stream().mapToInt(List::size).sum()).isBetween(300, 1000);
  }

  /** The requests as sent, without the seed that names them. */
  private static List<String> described(long seed) {
    return new ContractFuzzer(SPEC, seed, KNOWN).casesByOperation().values().stream()
        .flatMap(List::stream)
        .map(c -> c.method() + " " + c.target() + " " + c.headers() + " " + (c.body() == null ? "" : new String(c.body(), StandardCharsets.UTF_8)))
        .toList();
  }
}
