package dev.towerline.server.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.http.resource.AuditResource;
import dev.towerline.server.http.resource.ContractResource;
import dev.towerline.server.http.resource.DevicesResource;
import dev.towerline.server.http.resource.EventsResource;
import dev.towerline.server.http.resource.ExecutionsResource;
import dev.towerline.server.http.resource.HealthResource;
import dev.towerline.server.http.resource.MetricsResource;
import dev.towerline.spec.ContractDocuments;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestContractTest {
  private static final RequestContract contract = RequestContract.read(ContractDocuments.bundled());

  @Test
  void everyOperationTheServerImplementsIsFoundByItsMethodName() {
    List<String> implemented =
        Stream.of(AuditResource.class, ContractResource.class, DevicesResource.class, EventsResource.class, ExecutionsResource.class, HealthResource.class, MetricsResource.class)
            .flatMap(resource -> Arrays.stream(resource.getInterfaces()))
            .flatMap(api -> Arrays.stream(api.getMethods()))
            .filter(RequestContractTest::isOperation)
            .map(Method::getName)
            .toList();

    assertThat(implemented).hasSize(17).allSatisfy(name -> assertThat(contract.operation(name)).as(name).isPresent());
  }

  @Test
  void defaultsAreTheSpecsOwn() {
    assertThat(contract.require("createExecution").bodyDefault("timeout_seconds").asInt()).isEqualTo(300);
    assertThat(contract.require("listDevices").parameterDefault("query", "page_size").asInt()).isEqualTo(50);
    assertThat(contract.require("getExecutionOutput").parameterDefault("query", "limit").asInt()).isEqualTo(65_536);
    assertThatThrownBy(() -> contract.require("listDevices").parameterDefault("query", "model"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listDevices declares no default for query parameter model");
  }

  @Test
  void headerParametersAreFoundWhateverTheirCase() {
    assertThat(contract.require("createExecution").parameter("header", "idempotency-key")).isPresent();
    assertThat(contract.require("createExecution").parameter("query", "idempotency-key")).isEmpty();
  }

  @Test
  void aParameterValueIsJudgedTheSameWhicheverValuesCameBefore() {
    ParameterRule pageSize = contract.require("listDevices").parameter("query", "page_size").orElseThrow();

    assertThat(pageSize.check("50")).isEmpty();
    assertThat(pageSize.check("50")).isEmpty();
    assertThat(pageSize.check("0")).extracting(Violation::field).containsExactly("page_size");
    assertThat(pageSize.check("abc")).extracting(Violation::reason).containsExactly("must be an integer");
    assertThat(pageSize.check("99999999999999999999")).isNotEmpty();
    assertThat(pageSize.check("50")).isEmpty();
    assertThat(pageSize.check("0")).isNotEmpty();
  }

  @Test
  void declaredParametersAreListedInTheSpecsOrder() {
    assertThat(contract.require("listDevices").parameters("query"))
        .extracting(ParameterRule::name)
        .containsExactly("page_size", "page_token", "state", "model", "label", "q", "sort");
    assertThat(contract.require("listDevices").parameters("cookie")).isEmpty();
  }

  private static boolean isOperation(Method method) {
    return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }
}
