package dev.towerline.spec.internal;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.Problem;
import java.util.List;

/**
 * The SDK and protocol jars are versioned by Maven, the contract by {@code info.version}; a release
 * of {@code api-client-java} 1.2.0 must speak contract 1.2.0. So the Maven project version, less a
 * {@code -SNAPSHOT} suffix, must equal {@code info.version} of both documents.
 */
public final class VersionTie {
  private static final String SNAPSHOT = "-SNAPSHOT";
  private static final String POINTER = "/info/version";

  private VersionTie() {}

  /** The documents whose {@code info.version} differs from {@code projectVersion}; empty when tied. */
  public static List<Problem> check(ContractDocuments documents, String projectVersion) {
    if (projectVersion == null || projectVersion.isBlank()) {
      throw new IllegalArgumentException("projectVersion is blank: '" + projectVersion + "'");
    }
    String release = release(projectVersion);
    Findings findings = new Findings(documents);
    tie(findings, ContractDocuments.OPENAPI, documents.openApi().path("info").path("version").asText(), projectVersion, release);
    tie(findings, ContractDocuments.ASYNCAPI, documents.asyncApi().path("info").path("version").asText(), projectVersion, release);
    return findings.problems();
  }

  /** {@code 1.1.0-SNAPSHOT} → {@code 1.1.0}; a release version stays as it is. */
  static String release(String projectVersion) {
    return projectVersion.endsWith(SNAPSHOT)
        ? projectVersion.substring(0, projectVersion.length() - SNAPSHOT.length())
        : projectVersion;
  }

  private static void tie(Findings findings, String file, String documented, String projectVersion, String release) {
    if (!documented.equals(release)) {
      findings.add(
          file,
          POINTER,
          "info.version '" + documented + "' differs from the Maven project version '" + projectVersion
              + "': set <version>" + documented + "-SNAPSHOT</version> in the poms, or change info.version of both documents");
    }
  }
}
