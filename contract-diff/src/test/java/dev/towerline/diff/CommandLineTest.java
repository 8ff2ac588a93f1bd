package dev.towerline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command: sources (folders, files, git refs), formats, and one clear line per usage error. */
class CommandLineTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  record Run(int exitCode, String out, String err) {}

  Run run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        CLOCK, cwd);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  ContractCopy candidateWithoutModel() {
    return ContractCopy.of(tmp.resolve("candidate"))
        .edit("schemas/device.json", s -> ContractCopy.remove(ContractCopy.obj(s, "/properties"), "model"))
        .version("1.2.0");
  }

  @Test
  void printsMarkdownNamingRuleLocationAndOperationAndExitsOneOnABreak() {
    candidateWithoutModel();
    Run run = run(tmp, "--base", ContractCopy.SHIPPED.toString(), "--candidate", "candidate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("# Contract diff: ")
        .contains("**FAIL: 1 breaking")
        .contains("## Breaking (1)")
        .contains("| `response.property-removed` | GET /api/v1/devices → 200 application/json (and ")
        .contains("`schemas/device.json#/properties/model`")
        .contains("clients that read 'model' no longer get it")
        .contains("feed /api/v1/ws/devices, frame snapshot (server → client)");
  }

  @Test
  void jsonReportCarriesVerdictCountsAndEveryPlaceAChangeIsSeen() throws IOException {
    candidateWithoutModel();
    Run run = run(tmp, "--base", ContractCopy.SHIPPED.toString(), "--candidate", "candidate", "--format", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/verdict/exit_code").asInt()).isEqualTo(1);
    assertThat(json.at("/verdict/required_bump").asText()).isEqualTo("major");
    assertThat(json.at("/verdict/made_bump").asText()).isEqualTo("minor");
    assertThat(json.at("/counts/breaking").asInt()).isEqualTo(1);
    assertThat(json.at("/candidate/version").asText()).isEqualTo("1.2.0");
    JsonNode change = json.at("/changes/0");
    assertThat(change.get("rule").asText()).isEqualTo("response.property-removed");
    assertThat(change.get("location").asText()).isEqualTo("schemas/device.json#/properties/model");
    List<String> via = new java.util.ArrayList<>();
    change.get("also_via").forEach(place -> via.add(place.asText()));
    assertThat(via).contains("GET /api/v1/devices/{serial} → 200 application/json",
        "feed /api/v1/ws/devices, frame device.updated (server → client)");
    assertThat(json.at("/violations/0/rule").asText()).isEqualTo("policy.version-bump-too-small");
  }

  @Test
  void writesTheWhatChangedPageForTheDocsWithEverythingEscaped() throws IOException {
    ContractCopy.of(tmp.resolve("candidate"))
        .edit("schemas/device.json", s -> ContractCopy.obj(s, "/properties").set("firmware", Mutations.yaml("{type: string}")))
        .edit("openapi.yaml", r -> Mutations.op(r, "/api/v1/devices", "get").put("summary", "Devices <b>&</b> labs"))
        .version("1.2.0");
    Run run = run(tmp, "--base", ContractCopy.SHIPPED.toString(), "--candidate", "candidate", "--html-out", "site/changes.html");

    assertThat(run.exitCode()).isZero();
    String html = Files.readString(tmp.resolve("site/changes.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>What changed since 1.1.0</h1>")
        .contains("PASS: 0 breaking, 1 compatible, 1 informational")
        .contains("<h2 class=\"compatible\" id=\"compatible\">Compatible (1)</h2>")
        .contains("new field &#39;firmware&#39;")
        .doesNotContain("<b>");
    assertThat(run.out()).startsWith("# Contract diff:");
  }

  @Test
  void comparesGitRefsAndTheWorkingFolder() throws Exception {
    Path repo = tmp.resolve("repo");
    ContractCopy.of(repo.resolve("api-spec"));
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "1.1.0");
    git(repo, "tag", "v1.1.0");
    ContractCopy.of(tmp.resolve("scratch"));
    Files.writeString(repo.resolve("api-spec/schemas/breaker-state.json"),
        Files.readString(repo.resolve("api-spec/schemas/breaker-state.json")).replace("\"half_open\"", "\"half_open\", \"forced_open\""));

    Run againstWorkingFolder = run(repo, "--base", "v1.1.0", "--candidate", "api-spec");
    Run sameCommit = run(repo, "--base", "v1.1.0", "--candidate", "HEAD");

    assertThat(againstWorkingFolder.exitCode()).isEqualTo(1);
    assertThat(againstWorkingFolder.out()).contains("# Contract diff: v1.1.0:api-spec (")
        .contains("`response.enum-value-added`").contains("value \"forced_open\" may be sent");
    assertThat(sameCommit.exitCode()).isZero();
    assertThat(sameCommit.out()).contains("PASS: 0 breaking, 0 compatible, 0 informational").contains("No differences.");
  }

  @Test
  void comparesOneDocumentGivenAsAFileWithTheSchemaFilesNextToIt() {
    ContractCopy.of(tmp.resolve("candidate"))
        .edit("schemas/pong.json", s -> ContractCopy.arr(s, "/required").add("nonce"))
        .edit("openapi.yaml", r -> ContractCopy.remove(ContractCopy.obj(r, "/paths"), "/api/v1/events"))
        .version("1.2.0");

    Run run = run(tmp, "--base", ContractCopy.SHIPPED.resolve("asyncapi.yaml").toString(),
        "--candidate", "candidate/asyncapi.yaml", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"rule\" : \"request.property-became-required\"")
        .contains("frame pong (client → server)")
        .doesNotContain("openapi.operation-removed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "missing file; --base; missing/openapi.yaml; contract-diff: no such file: missing/openapi.yaml",
      "not a spec; --base; notes.yaml; contract-diff: not a spec: notes.yaml has neither an 'openapi' nor an 'asyncapi' field",
      "broken YAML; --base; broken; contract-diff: not a spec: broken/openapi.yaml does not parse at line 2",
      "folder without a contract; --base; empty; contract-diff: not a contract: empty holds neither openapi.yaml nor asyncapi.yaml",
      "unknown git ref; --base; v9.9.9; contract-diff: unknown git ref or path: v9.9.9",
      "unknown option; --bsae; x; contract-diff: unknown option --bsae (see --help)",
      "unknown format; --format; pdf; contract-diff: unknown --format pdf; use markdown, json or html"})
  void usageErrorsExitTwoWithOneClearLine(String name, String option, String value, String message) throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("empty"));
    Files.createDirectories(repo.resolve("broken"));
    Files.writeString(repo.resolve("notes.yaml"), "hello: world\n");
    Files.writeString(repo.resolve("broken/openapi.yaml"), "openapi: 3.0.3\n  info: [\n");
    git(repo, "init", "-q");
    String[] args = option.equals("--base") ? new String[] {"--base", value, "--candidate", ContractCopy.SHIPPED.toString()}
        : new String[] {"--base", ContractCopy.SHIPPED.toString(), option, value};

    Run run = run(repo, args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith(message);
  }

  private static void git(Path dir, String... args) throws Exception {
    Files.createDirectories(dir);
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
