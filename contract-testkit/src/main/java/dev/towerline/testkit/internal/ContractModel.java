package dev.towerline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.spec.internal.CheckContext;
import dev.towerline.spec.internal.ErrorCodes;
import dev.towerline.spec.internal.ExampleRules;
import dev.towerline.spec.internal.Json;
import dev.towerline.spec.internal.Located;
import dev.towerline.spec.internal.Operation;
import dev.towerline.spec.internal.SchemaValidation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contract read once into what the checks need: operations grouped by path template,
 * responses with their media types and headers, channels with their messages, the error-code
 * table. Everything is read in {@link #read}; afterwards the model is immutable and only the
 * (thread-safe, caching) networknt factory inside {@link SchemaValidation} is used, so one model
 * serves every test thread.
 */
public final class ContractModel {
  static final String ENVELOPE_NAME = "#/components/schemas/ErrorEnvelope";

  private final Map<PathTemplate, Map<String, OperationSpec>> paths;
  private final Map<String, ChannelSpec> channelsByAddress;
  private final ErrorCodes errorCodes;
  private final SchemaValidation validation;
  private final SchemaRef errorEnvelope;

  private ContractModel(
      Map<PathTemplate, Map<String, OperationSpec>> paths,
      Map<String, ChannelSpec> channelsByAddress,
      ErrorCodes errorCodes,
      SchemaValidation validation,
      SchemaRef errorEnvelope) {
    this.paths = paths;
    this.channelsByAddress = channelsByAddress;
    this.errorCodes = errorCodes;
    this.validation = validation;
    this.errorEnvelope = errorEnvelope;
  }

  /** Reads openapi.yaml, asyncapi.yaml and the error-code table of {@code documents}. */
  public static ContractModel read(ContractDocuments documents) {
    CheckContext ctx = CheckContext.of(documents);
    Map<PathTemplate, Map<String, OperationSpec>> paths = new LinkedHashMap<>();
    Map<String, PathTemplate> templates = new LinkedHashMap<>();
    for (Operation op : Operation.all(documents.openApi())) {
      PathTemplate template = templates.computeIfAbsent(op.path(), PathTemplate::new);
      OperationSpec spec = operation(ctx, op);
      paths.computeIfAbsent(template, t -> new TreeMap<>()).put(spec.method(), spec);
    }
    paths.replaceAll((template, byMethod) -> Collections.unmodifiableMap(byMethod));
    Located envelope = ctx.openApi().child("components", "schemas", "ErrorEnvelope");
    if (!envelope.present()) {
      throw new IllegalStateException("openapi.yaml has no " + ENVELOPE_NAME);
    }
    return new ContractModel(
        Collections.unmodifiableMap(paths),
        channels(ctx),
        ErrorCodes.read(ctx),
        ctx.validation(),
        new SchemaRef(ENVELOPE_NAME, ExampleRules.schemaUri(ctx, envelope)));
  }

  /** The operations of the most specific path template matching {@code rawPath}. */
  Optional<Route> route(String rawPath) {
    PathTemplate best = null;
    for (PathTemplate template : paths.keySet()) {
      if (template.matches(rawPath) && (best == null || template.compareSpecificity(best) < 0)) {
        best = template;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Route(best.template(), paths.get(best)));
  }

  Optional<ChannelSpec> channel(String address) {
    return Optional.ofNullable(channelsByAddress.get(address));
  }

  /** Keys of the channels that carry a message named {@code type}. */
  List<String> channelsCarrying(String type) {
    return channelsByAddress.values().stream()
        .filter(c -> c.messagesByType().containsKey(type))
        .map(ChannelSpec::key)
        .toList();
  }

  List<String> channelAddresses() {
    return List.copyOf(channelsByAddress.keySet());
  }

  ErrorCodes errorCodes() {
    return errorCodes;
  }

  SchemaRef errorEnvelope() {
    return errorEnvelope;
  }

  /** Messages such as {@code /link/breaker_state: does not have a value in the enumeration [...]}. */
  List<String> validate(SchemaRef schema, JsonNode instance) {
    return validation.validate(schema.uri(), instance);
  }

  /** The operations at one path template, by upper-case method. */
  record Route(String template, Map<String, OperationSpec> byMethod) {}

  private static OperationSpec operation(CheckContext ctx, Operation op) {
    Map<String, ResponseSpec> responses = new LinkedHashMap<>();
    Located declared = op.located().child("responses");
    if (declared.present()) {
      for (Iterator<String> it = declared.node().fieldNames(); it.hasNext(); ) {
        String status = it.next();
        ctx.references()
            .resolve(declared.child(status))
            .ifPresent(r -> responses.put(statusKey(status), response(ctx, status, r)));
      }
    }
    return new OperationSpec(
        op.label(), op.method().toUpperCase(Locale.ROOT), op.path(), Collections.unmodifiableMap(responses));
  }

  /** {@code 4xx} is written {@code 4XX} here; {@code default} stays as it is. */
  private static String statusKey(String status) {
    return status.equals("default") ? status : status.toUpperCase(Locale.ROOT);
  }

  private static ResponseSpec response(CheckContext ctx, String status, Located response) {
    Map<String, SchemaRef> content = new LinkedHashMap<>();
    Located media = response.child("content");
    if (media.present()) {
      for (Iterator<String> it = media.node().fieldNames(); it.hasNext(); ) {
        String type = it.next();
        Located schema = media.child(type, "schema");
        content.put(MediaTypes.base(type), schema.present() ? schemaRef(ctx, schema) : null);
      }
    }
    List<HeaderSpec> headers = new ArrayList<>();
    Located declared = response.child("headers");
    if (declared.present()) {
      for (Iterator<String> it = declared.node().fieldNames(); it.hasNext(); ) {
        String name = it.next();
        ctx.references().resolve(declared.child(name)).ifPresent(h -> headers.add(header(ctx, name, h)));
      }
    }
    return new ResponseSpec(status, Collections.unmodifiableMap(content), List.copyOf(headers));
  }

  private static HeaderSpec header(CheckContext ctx, String name, Located header) {
    Located schema = header.child("schema");
    SchemaRef ref = schema.present() ? schemaRef(ctx, schema) : null;
    String type =
        schema.present()
            ? ctx.references().resolve(schema).map(s -> Json.text(s.node(), "type")).orElse(null)
            : null;
    boolean required = header.node().path("required").asBoolean(false);
    return new HeaderSpec(
        name, required, ref == null ? null : new SchemaRef(display(header), ref.uri()), type);
  }

  private static Map<String, ChannelSpec> channels(CheckContext ctx) {
    Map<String, ChannelSpec> channels = new LinkedHashMap<>();
    Located declared = ctx.asyncApi().child("channels");
    if (!declared.present()) {
      return channels;
    }
    for (Iterator<String> it = declared.node().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Located channel = declared.child(key);
      String address = Json.text(channel.node(), "address");
      Map<String, SchemaRef> messages = new TreeMap<>();
      Located listed = channel.child("messages");
      for (Iterator<String> ms = listed.present() ? listed.node().fieldNames() : Collections.emptyIterator(); ms.hasNext(); ) {
        ctx.references()
            .resolve(listed.child(ms.next()))
            .filter(m -> Json.text(m.node(), "name") != null && m.child("payload").present())
            .ifPresent(m -> messages.put(Json.text(m.node(), "name"), payload(ctx, m.child("payload"))));
      }
      if (address != null) {
        channels.put(address, new ChannelSpec(key, address, Collections.unmodifiableMap(messages)));
      }
    }
    return Collections.unmodifiableMap(channels);
  }

  /** A payload is a {@code $ref} to a shared file; messages name the file, e.g. {@code schemas/device-updated.json}. */
  private static SchemaRef payload(CheckContext ctx, Located payload) {
    String name =
        ctx.references()
            .resolve(payload)
            .map(target -> target.file() + (target.pointer().isEmpty() ? "" : "#" + target.pointer()))
            .orElse(payload.file() + "#" + payload.pointer());
    return new SchemaRef(name, ExampleRules.schemaUri(ctx, payload));
  }

  /** The {@code $ref} as written when the schema is one, else file and pointer of the inline schema. */
  private static SchemaRef schemaRef(CheckContext ctx, Located schema) {
    String ref = Json.text(schema.node(), "$ref");
    String name = ref != null ? ref : display(schema);
    return new SchemaRef(name, ExampleRules.schemaUri(ctx, schema));
  }

  /** How messages name a place in openapi.yaml ({@code #/components/headers/RetryAfter}) or another file. */
  private static String display(Located located) {
    String where = "#" + located.pointer();
    return ContractDocuments.OPENAPI.equals(located.file()) ? where : located.file() + where;
  }
}
