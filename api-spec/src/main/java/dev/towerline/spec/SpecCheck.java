package dev.towerline.spec;

import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.ContractRules;
import dev.towerline.spec.internal.Operation;
import dev.towerline.spec.internal.VersionTie;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the contract: both documents parse and validate against their format's schema, every
 * {@code $ref} resolves, every example matches its schema, and the house rules hold (operationIds,
 * tags and docs everywhere; every error response is the envelope with a code of the right status;
 * every list is paginated; shared shapes are files referenced as components, never copies; a
 * deprecated operation has a sunset date), and its {@code info.version} is the version the build
 * gives the jars (see {@link #run(ContractDocuments, String)}). The build runs {@link #main} on
 * {@code api-spec/} with the Maven project version and fails with every problem's file and JSON
 * pointer.
 */
public final class SpecCheck {
  private static final System.Logger LOG = System.getLogger(SpecCheck.class.getName());

  private SpecCheck() {}

  /** All problems of the contract; empty when it is sound. */
  public static List<Problem> run(ContractDocuments documents) {
    CheckContext ctx = CheckContext.of(documents);
    ContractRules.checkAll(ctx);
    return ctx.findings().problems();
  }

  /**
   * All problems of the contract, and of its tie to the jars built from it: {@code projectVersion}
   * without {@code -SNAPSHOT} must equal {@code info.version} of both documents, so {@code
   * api-client-java} and {@code ws-protocol} 1.1.0 are the SDK of contract 1.1.0.
   */
  public static List<Problem> run(ContractDocuments documents, String projectVersion) {
    List<Problem> problems = new ArrayList<>(VersionTie.check(documents, projectVersion));
    problems.addAll(run(documents));
    return problems;
  }

  /**
   * Checks the contract in the folder given as the first argument against the Maven project
   * version given as the second.
   *
   * @throws SpecViolationException listing every problem, when there is one
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: SpecCheck <folder with openapi.yaml and asyncapi.yaml> <Maven project version>");
    }
    ContractDocuments documents = ContractDocuments.inDirectory(Path.of(args[0]));
    List<Problem> problems = run(documents, args[1]);
    if (!problems.isEmpty()) {
      throw new SpecViolationException(problems);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Contract {0} checked (project version {4}): {1} operations, {2} messages, {3} shared schemas",
        documents.openApi().path("info").path("version").asText(),
        Operation.all(documents.openApi()).size(),
        documents.asyncApi().path("components").path("messages").size(),
        documents.schemaFiles().size(),
        args[1]);
  }
}
