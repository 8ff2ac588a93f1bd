package dev.towerline.spec;

import dev.towerline.spec.internal.Examples;
import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.Json;
import dev.towerline.spec.internal.Located;
import dev.towerline.spec.internal.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Every example of the contract whose schema is a named shape, for round-trip tests of generated types. */
public final class ContractExamples {
  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  private ContractExamples() {}

  /** Request and response body examples of openapi.yaml whose schema is a component. */
  public static List<ContractExample> openApi(ContractDocuments documents) {
    CheckContext ctx = CheckContext.of(documents);
    List<ContractExample> examples = new ArrayList<>();
    for (Operation op : Operation.all(documents.openApi())) {
      ctx.references().resolve(op.located().child("requestBody")).ifPresent(b -> addContent(ctx, documents, b, examples));
      Located responses = op.located().child("responses");
      for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
        ctx.references().resolve(responses.child(it.next())).ifPresent(r -> addContent(ctx, documents, r, examples));
      }
    }
    return examples;
  }

  /** Payload examples of every asyncapi.yaml message, named by the title of the payload's file. */
  public static List<ContractExample> asyncApi(ContractDocuments documents) {
    CheckContext ctx = CheckContext.of(documents);
    List<ContractExample> examples = new ArrayList<>();
    Located messages = ctx.asyncApi().child("components", "messages");
    for (Iterator<String> it = messages.node().fieldNames(); it.hasNext(); ) {
      Located message = messages.child(it.next());
      String shape =
          ctx.references().resolve(message.child("payload")).map(p -> Json.text(p.node(), "title")).orElse(null);
      Located list = message.child("examples");
      for (int i = 0; shape != null && list.present() && i < list.node().size(); i++) {
        Located payload = list.element(i).child("payload");
        examples.add(new ContractExample(where(documents, payload), shape, payload.node()));
      }
    }
    return examples;
  }

  private static void addContent(
      CheckContext ctx, ContractDocuments documents, Located holder, List<ContractExample> into) {
    Located content = holder.child("content");
    if (!content.present()) {
      return;
    }
    for (Iterator<String> it = content.node().fieldNames(); it.hasNext(); ) {
      Located media = content.child(it.next());
      String ref = Json.text(media.node().get("schema"), "$ref");
      if (ref != null && ref.startsWith(COMPONENT_PREFIX)) {
        String shape = ref.substring(COMPONENT_PREFIX.length());
        for (Located example : Examples.of(ctx, media)) {
          into.add(new ContractExample(where(documents, example), shape, example.node()));
        }
      }
    }
  }

  private static String where(ContractDocuments documents, Located located) {
    return documents.displayName(located.file()) + "#" + located.pointer();
  }
}
