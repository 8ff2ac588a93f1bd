package dev.towerline.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deprecated operation says since when it is deprecated ({@code x-deprecated-since}), when it
 * goes away ({@code x-sunset}), what replaces it ({@code
 * x-superseded-by}) and where the migration note is ({@code x-deprecation-link}), and its success
 * responses declare the Deprecation, Sunset and Link headers the server derives from that.
 */
final class DeprecationRules {
  static final List<String> HEADERS = List.of("Deprecation", "Sunset", "Link");

  private DeprecationRules() {}

  static void check(CheckContext ctx) {
    List<Operation> operations = Operation.all(ctx.documents().openApi());
    Set<String> ids = operations.stream().map(Operation::operationId).collect(Collectors.toSet());
    for (Operation op : operations) {
      if (op.node().path("deprecated").asBoolean(false)) {
        checkDate(ctx, op, "x-deprecated-since");
        checkDate(ctx, op, "x-sunset");
        checkSuccessor(ctx, op, ids);
        checkLink(ctx, op);
        checkHeaders(ctx, op);
      }
    }
  }

  /** {@code x-deprecated-since} feeds the Deprecation header, {@code x-sunset} the Sunset header. */
  private static void checkDate(CheckContext ctx, Operation op, String field) {
    String date = Json.text(op.node(), field);
    if (date == null) {
      ctx.findings().add(op.located(), "deprecated operation " + op.label() + " has no " + field + " date");
      return;
    }
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      ctx.findings().add(op.located().child(field), field + " '" + date + "' is not a date (yyyy-MM-dd)");
    }
  }

  private static void checkSuccessor(CheckContext ctx, Operation op, Set<String> ids) {
    String successor = Json.text(op.node(), "x-superseded-by");
    if (successor == null || !ids.contains(successor)) {
      ctx.findings()
          .add(op.located(), "deprecated operation " + op.label() + " must name an existing operationId in x-superseded-by");
    }
  }

  private static void checkLink(CheckContext ctx, Operation op) {
    String link = Json.text(op.node(), "x-deprecation-link");
    if (!isAbsoluteOrServerPath(link)) {
      ctx.findings()
          .add(op.located(), "deprecated operation " + op.label() + " must link its migration note in x-deprecation-link");
    }
  }

  /** An absolute URL, or a path on the serving server such as {@code /docs/guides/x.html}. */
  private static boolean isAbsoluteOrServerPath(String link) {
    if (link == null) {
      return false;
    }
    try {
      URI uri = new URI(link);
      return uri.isAbsolute()
          || uri.getRawAuthority() == null && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void checkHeaders(CheckContext ctx, Operation op) {
    Located responses = op.located().child("responses");
    for (Iterator<String> it = responses.node().fieldNames(); it.hasNext(); ) {
      String status = it.next();
      if (!status.startsWith("2")) {
        continue;
      }
      ctx.references()
          .resolve(responses.child(status))
          .ifPresent(
              response -> {
                JsonNode headers = response.node().path("headers");
                for (String header : HEADERS) {
                  if (!headers.has(header)) {
                    ctx.findings().add(response, "deprecated operation's response does not declare the " + header + " header");
                  }
                }
              });
    }
  }
}
