package dev.towerline.server.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeCatalogTest {

  private final PublishedContract contract =
      PublishedContract.fromClasspath(getClass().getClassLoader());

  @Test
  void readsHttpStatusesFromTheBundledContract() {
    ErrorCodeCatalog catalog = ErrorCodeCatalog.fromContract(contract);

    assertThat(catalog.httpStatus(ErrorCode.NOT_IMPLEMENTED)).hasValue(501);
    assertThat(catalog.httpStatus(ErrorCode.ROUTE_NOT_FOUND)).hasValue(404);
    assertThat(catalog.httpStatus(ErrorCode.COMMAND_FAILED)).isEmpty();
  }

  @Test
  void refusesToStartWhenANeededCodeHasNoStatus() {
    ErrorCodeCatalog catalog = ErrorCodeCatalog.fromContract(contract);

    assertThatThrownBy(() -> catalog.requireHttpStatuses(List.of(ErrorCode.NOT_IMPLEMENTED, ErrorCode.COMMAND_FAILED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COMMAND_FAILED")
        .hasMessageNotContaining("NOT_IMPLEMENTED");
  }

  @Test
  void rejectsCatalogMissingACodeOfTheEnum() {
    String entries =
        Arrays.stream(ErrorCode.values())
            .filter(code -> code != ErrorCode.QUEUE_FULL)
            .map(code -> "\"" + code.value() + "\": {\"http_status\": 400}")
            .collect(Collectors.joining(","));

    assertThatThrownBy(() -> ErrorCodeCatalog.parse(schema(entries)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QUEUE_FULL");
  }

  @Test
  void rejectsCatalogNamingAnUnknownCode() {
    assertThatThrownBy(() -> ErrorCodeCatalog.parse(schema("\"TEAPOT\": {\"http_status\": 418}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEAPOT");
  }

  @Test
  void servesOnlyPlainSchemaFileNames() {
    assertThat(contract.schemaFile("device.json")).isPresent();
    assertThat(contract.schemaFile("../openapi.yaml")).isEmpty();
    assertThat(contract.schemaFile("nope.json")).isEmpty();
    assertThat(contract.apiVersion()).isNotBlank();
  }

  private static byte[] schema(String entries) {
    return ("{\"x-error-codes\": {" + entries + "}}").getBytes(StandardCharsets.UTF_8);
  }
}
