package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Every 4xx/5xx response is the error envelope, and every example of it carries a code whose
 * documented HTTP status is the response's status.
 */
final class ErrorResponseRules {
  static final String ENVELOPE_REF = "#/components/schemas/ErrorEnvelope";
  static final String JSON = "application/json";

  private ErrorResponseRules() {}

  static void check(CheckContext ctx) {
    ErrorCodes codes = ErrorCodes.read(ctx);
    for (Operation op : Operation.all(ctx.documents().openApi())) {
      Located responses = op.located().child("responses");
      if (!responses.present()) {
        continue;
      }
      for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
        String status = it.next();
        if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
          ctx.references()
              .resolve(responses.child(status))
              .ifPresent(response -> checkErrorResponse(ctx, codes, op, status, response));
        }
      }
    }
  }

  private static void checkErrorResponse(
      CheckContext ctx, ErrorCodes codes, Operation op, String status, Located response) {
    Located media = response.child("content", JSON);
    String schemaRef = media.present() ? Json.text(media.node().get("schema"), "$ref") : null;
    if (!ENVELOPE_REF.equals(schemaRef)) {
      ctx.findings()
          .add(response, op.label() + " response " + status + " must be " + JSON + " with schema $ref " + ENVELOPE_REF);
      return;
    }
    for (Located example : Examples.of(ctx, media)) {
      JsonNode code = example.node().path("error").path("code");
      Integer documented = codes.httpStatus(code.asText());
      if (!codes.contains(code.asText())) {
        ctx.findings().add(example, "error code '" + code.asText() + "' is not in ErrorCode");
      } else if (documented == null || !String.valueOf(documented).equals(status)) {
        ctx.findings()
            .add(
                example,
                "error code "
                    + code.asText()
                    + " is documented with HTTP status "
                    + documented
                    + ", not "
                    + status
                    + " (schemas/error-code.json x-error-codes)");
      }
    }
  }
}
