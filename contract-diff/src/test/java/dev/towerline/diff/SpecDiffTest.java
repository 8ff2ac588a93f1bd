package dev.towerline.diff;

import static dev.towerline.diff.ContractCopy.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance rows AC-604..AC-606 of specs/001, end to end on copies of the shipped contract. */
class SpecDiffTest {
  static final Contract SHIPPED = Contract.folder(ContractCopy.SHIPPED, "api-spec");

  @TempDir Path tmp;

  static DiffReport diff(Contract candidate, String today) {
    return new ContractDiff(Clock.fixed(Instant.parse(today + "T00:00:00Z"), ZoneOffset.UTC)).compare(SHIPPED, candidate);
  }

  @Test
  void reportsRemovedResponseFieldAsBreaking() {
    ContractCopy candidate = ContractCopy.of(tmp).edit("openapi.yaml",
        r -> ContractCopy.remove(obj(r, "/components/schemas/ExecutionOutput/properties"), "available_from")).version("1.2.0");

    DiffReport report = diff(candidate.contract(), "2026-12-07");

    assertThat(report.changes(Severity.BREAKING)).singleElement().satisfies(change -> {
      assertThat(change.rule()).isEqualTo("response.property-removed");
      assertThat(change.where()).isEqualTo("GET /api/v1/executions/{execution_id}/output → 200 application/json");
      assertThat(change.location()).isEqualTo("openapi.yaml#/components/schemas/ExecutionOutput/properties/available_from");
    });
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void reportsAdditionsAsCompatible() {
    ContractCopy candidate = ContractCopy.of(tmp)
        .edit("schemas/execution.json", s -> obj(s, "/properties").set("labels", Mutations.yaml("{type: array, items: {type: string}}")))
        .edit("openapi.yaml", r -> obj(r, "/paths").set("/api/v1/labels", Mutations.yaml(
            "get: {operationId: listLabels, responses: {'200': {description: Labels, content: {application/json: {schema: {type: array, items: {type: string}}}}}}}")))
        .version("1.2.0");

    DiffReport report = diff(candidate.contract(), "2026-12-07");

    assertThat(report.changes()).extracting(Change::rule)
        .containsExactlyInAnyOrder("response.property-added", "openapi.operation-added");
    assertThat(report.changes()).allSatisfy(c -> assertThat(c.severity()).isEqualTo(Severity.COMPATIBLE));
    assertThat(report.requiredBump()).isEqualTo(Bump.MINOR);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void allowsRemovalOnlyAfterSunset() {
    ContractCopy candidate = ContractCopy.of(tmp)
        .edit("openapi.yaml", r -> ContractCopy.remove(obj(r, "/paths"), "/api/v1/status")).version("1.2.0");

    DiffReport before = diff(candidate.contract(), "2027-06-30");
    DiffReport after = diff(candidate.contract(), "2027-07-01");

    assertThat(before.changes()).extracting(Change::rule, Change::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("policy.removed-before-sunset", Severity.BREAKING));
    assertThat(before.exitCode()).isEqualTo(1);
    assertThat(after.changes()).extracting(Change::rule, Change::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("policy.removed-after-sunset", Severity.COMPATIBLE));
    assertThat(after.changes().get(0).where()).isEqualTo("GET /api/v1/status");
    assertThat(after.exitCode()).isZero();
  }
}
