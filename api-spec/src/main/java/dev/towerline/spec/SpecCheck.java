package dev.towerline.spec;

import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.ContractRules;
import dev.towerline.spec.internal.Operation;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the contract: both documents parse and validate against their format's schema, every
 * {@code $ref} resolves, every example matches its schema, and the house rules hold (operationIds,
 * tags and docs everywhere; every error response is the envelope with a code of the right status;
 * every list is paginated; shared shapes are files referenced as components, never copies; a
 * deprecated operation has a sunset date). The build runs {@link #main} on {@code api-spec/} and
 * fails with every problem's file and JSON pointer.
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
   * Checks the contract in the folder given as the only argument.
   *
   * @throws SpecViolationException listing every problem, when there is one
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SpecCheck <folder with openapi.yaml and asyncapi.yaml>");
    }
    ContractDocuments documents = ContractDocuments.inDirectory(Path.of(args[0]));
    List<Problem> problems = run(documents);
    if (!problems.isEmpty()) {
      throw new SpecViolationException(problems);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Contract {0} checked: {1} operations, {2} messages, {3} shared schemas",
        documents.openApi().path("info").path("version").asText(),
        Operation.all(documents.openApi()).size(),
        documents.asyncApi().path("components").path("messages").size(),
        documents.schemaFiles().size());
  }
}
