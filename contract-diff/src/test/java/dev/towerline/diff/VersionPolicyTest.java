package dev.towerline.diff;

import static dev.towerline.diff.ContractCopy.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** info.version must rise by SemVer: breaking needs a major, additions a minor, anything else a patch. */
class VersionPolicyTest {
  static final Contract SHIPPED = Contract.folder(ContractCopy.SHIPPED, "api-spec");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  static final Consumer<ContractCopy> NOTHING = c -> {};
  static final Consumer<ContractCopy> DESCRIPTION = c -> c.edit("schemas/device.json", s -> s.put("description", "A phone."));
  static final Consumer<ContractCopy> OPTIONAL_FIELD = c -> c.edit("schemas/device.json",
      s -> obj(s, "/properties").set("firmware", Mutations.yaml("{type: string}")));
  static final Consumer<ContractCopy> BREAKING = c -> c.edit("schemas/device.json",
      s -> ContractCopy.remove(obj(s, "/properties"), "model"));

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("no change, same version", NOTHING, "1.1.0", "1.1.0", 0, null),
        Arguments.of("informational change, same version", DESCRIPTION, "1.1.0", "1.1.0", 1, "policy.version-bump-too-small"),
        Arguments.of("informational change, patch", DESCRIPTION, "1.1.1", "1.1.1", 0, null),
        Arguments.of("compatible change, patch", OPTIONAL_FIELD, "1.1.1", "1.1.1", 1, "policy.version-bump-too-small"),
        Arguments.of("compatible change, minor", OPTIONAL_FIELD, "1.2.0", "1.2.0", 0, null),
        Arguments.of("breaking change, minor", BREAKING, "1.2.0", "1.2.0", 1, "policy.version-bump-too-small"),
        Arguments.of("breaking change, major", BREAKING, "2.0.0", "2.0.0", 0, null),
        Arguments.of("version lowered", DESCRIPTION, "1.0.9", "1.0.9", 1, "policy.version-lowered"),
        Arguments.of("documents disagree on the version", OPTIONAL_FIELD, "1.2.0", "1.1.0", 1, "policy.versions-differ"),
        Arguments.of("version is not SemVer", OPTIONAL_FIELD, "1.2", "1.2", 1, "policy.version-not-semver"));
  }

  @ParameterizedTest(name = "{0}: {2}/{3} → exit {4}")
  @MethodSource("versions")
  void versionMustRiseAsTheChangesRequire(String name, Consumer<ContractCopy> change, String openapiVersion,
      String asyncapiVersion, int exitCode, String violation, @TempDir Path tmp) {
    ContractCopy candidate = ContractCopy.of(tmp.resolve("candidate"));
    change.accept(candidate);
    candidate.version(openapiVersion, asyncapiVersion);

    DiffReport report = new ContractDiff(CLOCK).compare(SHIPPED, candidate.contract());

    System.out.printf("| version: %s | %s/%s | exit %d %s |%n", name, openapiVersion, asyncapiVersion, report.exitCode(),
        report.violations().stream().map(Change::rule).toList());
    assertThat(report.exitCode()).as(report.verdict()).isEqualTo(exitCode);
    if (violation == null) {
      assertThat(report.violations()).isEmpty();
    } else {
      assertThat(report.violations()).extracting(Change::rule).contains(violation);
    }
    if (name.equals("breaking change, major")) {
      assertThat(report.breakingAccepted()).isTrue();
      assertThat(report.verdict()).contains("new major version");
    }
  }
}
