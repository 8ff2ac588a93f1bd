package dev.towerline.diff;

import static dev.towerline.diff.ContractCopy.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AC-607 and the direction of frames: what the server sends is checked like a response, what clients send like a request. */
class AsyncApiDiffTest {
  static final Contract SHIPPED = Contract.folder(ContractCopy.SHIPPED, "api-spec");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void reportsRemovedFrameFieldAsBreaking() {
    ContractCopy candidate = ContractCopy.of(tmp).edit("schemas/execution-output.json",
        s -> ContractCopy.remove(obj(s, "/properties"), "device_serial")).version("1.2.0");

    DiffReport report = new ContractDiff(CLOCK).compare(SHIPPED, candidate.contract());

    assertThat(report.changes(Severity.BREAKING)).singleElement().satisfies(change -> {
      assertThat(change.rule()).isEqualTo("response.property-removed");
      assertThat(change.location()).isEqualTo("schemas/execution-output.json#/properties/device_serial");
      assertThat(change.where()).isEqualTo("GET /api/v1/events → 200 application/json");
      assertThat(change.alsoVia()).contains("feed /api/v1/ws/executions, frame execution.output (server → client)");
    });
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void aFrameBothSidesSendIsJudgedInBothDirections() {
    ContractCopy candidate = ContractCopy.of(tmp).edit("schemas/pong.json", s -> {
      obj(s, "/properties").set("rtt_ms", Mutations.yaml("{type: integer}"));
      ContractCopy.arr(s, "/required").add("rtt_ms");
    }).version("1.2.0");

    DiffReport report = new ContractDiff(CLOCK).compare(SHIPPED, candidate.contract());

    assertThat(report.changes()).anySatisfy(c -> {
      assertThat(c.rule()).isEqualTo("request.required-property-added");
      assertThat(c.severity()).isEqualTo(Severity.BREAKING);
      assertThat(c.where()).isEqualTo("feed /api/v1/ws/devices, frame pong (client → server)");
    });
    assertThat(report.changes()).anySatisfy(c -> {
      assertThat(c.rule()).isEqualTo("response.property-added");
      assertThat(c.severity()).isEqualTo(Severity.COMPATIBLE);
      assertThat(c.where()).isEqualTo("feed /api/v1/ws/devices, frame pong (server → client)");
    });
  }
}
