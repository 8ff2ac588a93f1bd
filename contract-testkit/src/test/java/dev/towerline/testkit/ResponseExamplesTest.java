package dev.towerline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.Examples;
import dev.towerline.spec.internal.Located;
import dev.towerline.spec.internal.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's own response examples, sent as answers to their operations, must pass. */
class ResponseExamplesTest {

  /** One example answer: path parameters and declared headers filled from their examples. */
  record Answer(String name, String method, String path, int status, Map<String, List<String>> headers, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void acceptsTheContractsOwnResponseExamples(Answer answer) {
    assertThatCode(
            () ->
                ContractValidator.forBundledContract()
                    .checkResponse(answer.method(), answer.path(), answer.status(), answer.headers(), answer.body()))
        .doesNotThrowAnyException();
  }

  static List<Answer> answers() {
    ContractDocuments documents = ContractDocuments.bundled();
    CheckContext ctx = CheckContext.of(documents);
    List<Answer> answers = new ArrayList<>();
    for (Operation op : Operation.all(documents.openApi())) {
      String path = concretePath(ctx, op);
      Located responses = op.located().child("responses");
      for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
        String status = it.next();
        ctx.references()
            .resolve(responses.child(status))
            .ifPresent(response -> addExamples(ctx, op, path, Integer.parseInt(status), response, answers));
      }
    }
    assertThat(answers).as("response examples in the contract").hasSizeGreaterThan(40);
    return answers;
  }

  private static void addExamples(
      CheckContext ctx, Operation op, String path, int status, Located response, List<Answer> into) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Located declared = response.child("headers");
    for (Iterator<String> it = declared.present() ? declared.node().fieldNames() : List.<String>of().iterator(); it.hasNext(); ) {
      String name = it.next();
      ctx.references()
          .resolve(declared.child(name))
          .flatMap(header -> Examples.of(ctx, header).stream().findFirst())
          .ifPresent(example -> headers.put(name, List.of(example.node().asText())));
    }
    Located content = response.child("content");
    for (Iterator<String> it = content.node().fieldNames(); it.hasNext(); ) {
      String mediaType = it.next();
      for (Located example : Examples.of(ctx, content.child(mediaType))) {
        Map<String, List<String>> withType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        withType.putAll(headers);
        withType.put("Content-Type", List.of(mediaType));
        String body = example.node().isTextual() ? example.node().asText() : example.node().toString();
        String name = op.label() + " " + status + " " + mediaType + " " + example.pointer();
        into.add(new Answer(name, op.method().toUpperCase(), path, status, withType, body));
      }
    }
  }

  private static String concretePath(CheckContext ctx, Operation op) {
    String path = op.path();
    for (Located parameter : op.parameters(ctx.references())) {
      if ("path".equals(parameter.node().path("in").asText())) {
        String value = parameter.node().path("example").asText();
        path = path.replace("{" + parameter.node().path("name").asText() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return path;
  }
}
