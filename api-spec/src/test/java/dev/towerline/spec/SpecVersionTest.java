package dev.towerline.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** FR-601: one SemVer version for both documents, and a CHANGELOG entry for it. */
class SpecVersionTest {

  private static final String SEMVER = "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?";

  @Test
  void bothDocumentsShareSemVerVersionWithChangelogEntry() throws Exception {
    ContractDocuments contract = ContractDocuments.inDirectory(Path.of(""));
    String openApi = contract.openApi().path("info").path("version").asText();
    String asyncApi = contract.asyncApi().path("info").path("version").asText();

    assertThat(openApi).matches(SEMVER).isEqualTo(asyncApi);
    assertThat(Files.readString(Path.of("..", "CHANGELOG.md")))
        .as("CHANGELOG.md has a section for %s", openApi)
        .containsPattern("(?m)^## \\[" + openApi.replace(".", "\\.") + "\\]")
        .containsPattern("(?m)^## \\[1\\.0\\.0\\]");
  }
}
