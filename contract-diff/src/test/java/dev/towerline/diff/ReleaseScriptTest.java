package dev.towerline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting a release with api-spec/release.sh, and the gate's own arguments (as in contract-diff/pom.xml) on a project root. */
class ReleaseScriptTest {
  @TempDir Path root;

  record Result(int exitCode, String output) {}

  Result release(String version) throws Exception {
    Process process = new ProcessBuilder("bash", root.resolve("api-spec/release.sh").toString(), version)
        .directory(root.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void cutsAReleaseOnceAndOnlyForTheVersionBothDocumentsCarry() throws Exception {
    ContractCopy.of(root.resolve("api-spec"));
    Files.copy(ContractCopy.SHIPPED.resolve("release.sh"), root.resolve("api-spec/release.sh"));

    Result notSemVer = release("1.1");
    Result otherVersion = release("1.2.0");
    Result first = release("1.1.0");
    Result again = release("1.1.0");

    assertThat(notSemVer.exitCode()).isEqualTo(2);
    assertThat(otherVersion.exitCode()).isEqualTo(1);
    assertThat(otherVersion.output()).contains("openapi.yaml declares info.version 1.1.0, not 1.2.0");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(Files.readString(root.resolve("api-spec/releases/1.1.0/openapi.yaml")))
        .isEqualTo(Files.readString(root.resolve("api-spec/openapi.yaml")));
    assertThat(root.resolve("api-spec/releases/1.1.0/asyncapi.yaml")).isRegularFile();
    assertThat(root.resolve("api-spec/releases/1.1.0/schemas/error-code.json")).isRegularFile();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("already exists");
  }

  @Test
  void theGateArgumentsFailABreakingWorkingContractAndPrintTheReport() throws Exception {
    ContractCopy.of(root.resolve("api-spec"))
        .edit("schemas/device.json", s -> ContractCopy.obj(s, "/properties/model").put("type", "integer"));
    Path release = root.resolve("api-spec/releases/1.0.0");
    copyTree(ContractCopy.SHIPPED.resolve("releases/1.0.0"), release);
    Files.copy(ContractCopy.SHIPPED.resolve("releases/accepted-breaks.yaml"), root.resolve("api-spec/releases/accepted-breaks.yaml"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = Main.run(new String[] {"--base-latest-release", "api-spec/releases", "--candidate", "api-spec",
        "--accept", "api-spec/releases/accepted-breaks.yaml", "--html-out", "target/changes.html"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Clock.systemUTC(), root);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("# Contract diff: api-spec/releases/1.0.0 → api-spec")
        .contains("`response.type-changed`")
        .contains("`schemas/device.json#/properties/model/type`")
        .contains("## Accepted breaking changes (1)");
    assertThat(root.resolve("target/changes.html")).isRegularFile();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
