package dev.towerline.spec;

import static dev.towerline.spec.ContractCopy.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jars built from the contract carry its version: Maven's version minus -SNAPSHOT is info.version. */
class VersionTieTest {
  /** This build's Maven project version, as the pom hands it to SpecCheck. */
  static final String PROJECT_VERSION =
      Objects.requireNonNull(System.getProperty("towerline.project.version"), "surefire sets towerline.project.version");

  private static final String OPENAPI = "api-spec/openapi.yaml";
  private static final String ASYNCAPI = "api-spec/asyncapi.yaml";

  @TempDir Path temp;

  private final ContractDocuments shipped = ContractDocuments.inDirectory(Path.of(""));

  @Test
  void theShippedContractHasTheVersionOfThisBuild() {
    assertThat(SpecCheck.run(shipped, PROJECT_VERSION)).isEmpty();
    assertThat(PROJECT_VERSION.replace("-SNAPSHOT", "")).isEqualTo(infoVersion(shipped));
  }

  @Test
  void aReleaseVersionWithoutSnapshotIsTiedToo() {
    assertThat(SpecCheck.run(shipped, infoVersion(shipped))).isEmpty();
  }

  @Test
  void aProjectVersionAheadOfTheContractIsReportedOnBothDocuments() {
    assertThat(SpecCheck.run(shipped, "9.0.0-SNAPSHOT"))
        .extracting(Problem::file, Problem::pointer)
        .containsExactly(
            tuple(OPENAPI, "/info/version"),
            tuple(ASYNCAPI, "/info/version"));
  }

  @Test
  void aDocumentLeftAtAnOlderVersionIsNamedAlone() {
    ContractCopy copy = ContractCopy.of(temp).editAsyncApi(root -> at(root, "/info").put("version", "1.0.0"));

    assertThat(SpecCheck.run(copy.documents(), PROJECT_VERSION))
        .containsExactly(
            new Problem(
                ASYNCAPI,
                "/info/version",
                "info.version '1.0.0' differs from the Maven project version '" + PROJECT_VERSION
                    + "': set <version>1.0.0-SNAPSHOT</version> in the poms, or change info.version of both documents"));
  }

  @Test
  void mainFailsTheBuildWhenTheVersionsDiffer() {
    String dir = ContractCopy.of(temp).dir().toString();

    assertThatThrownBy(() -> SpecCheck.main(new String[] {dir, "1.0.9"}))
        .isInstanceOf(SpecViolationException.class)
        .hasMessageStartingWith("The contract breaks 2 rules")
        .hasMessageContaining(OPENAPI + "#/info/version: info.version '" + infoVersion(shipped) + "' differs from the Maven project version '1.0.9'")
        .hasMessageContaining(ASYNCAPI + "#/info/version: info.version '" + infoVersion(shipped) + "' differs");
  }

  @Test
  void mainNeedsTheProjectVersion() {
    assertThatThrownBy(() -> SpecCheck.main(new String[] {"."}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<Maven project version>");
  }

  private static String infoVersion(ContractDocuments documents) {
    return documents.openApi().path("info").path("version").asText();
  }
}
