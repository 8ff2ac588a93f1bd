package dev.towerline.spec.internal;

import java.util.List;
import java.util.function.Consumer;

/** Runs the rule families in order; later ones assume earlier ones hold, so a failing stage stops. */
public final class ContractRules {
  private static final List<List<Consumer<CheckContext>>> STAGES =
      List.of(
          List.of(ReferenceRules::check),
          List.of(MetaSchemaRules::check, SchemaFileRules::check),
          List.of(
              OperationRules::check,
              ErrorResponseRules::check,
              PaginationRules::check,
              DeprecationRules::check,
              SharedShapeRules::check,
              AsyncApiRules::check,
              ExampleRules::check));

  private ContractRules() {}

  public static void checkAll(CheckContext ctx) {
    for (List<Consumer<CheckContext>> stage : STAGES) {
      stage.forEach(rule -> rule.accept(ctx));
      if (!ctx.findings().problems().isEmpty()) {
        return;
      }
    }
  }
}
