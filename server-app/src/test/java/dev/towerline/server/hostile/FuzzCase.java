package dev.towerline.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of the contract fuzzer, readable in a failure: its number, the operation, what was
 * varied, the request as sent and the seed that generated it.
 *
 * @param target path and query, percent-encoded as sent
 * @param body nullable; the bytes sent as the body
 */
record FuzzCase(
    int number,
    long seed,
    String operationId,
    String varied,
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    Expect expect) {

  /** The display name of the case's test: {@code #17 createExecution body timeout_seconds: fractional (1.5)}. */
  String name() {
    return "#" + number + " " + operationId + " " + varied;
  }

  /** Everything needed to replay the case by hand. */
  String describe() {
    StringBuilder text = new StringBuilder();
    text.append("fuzz case ").append(name()).append(" (seed ").append(seed).append(", replay with -D")
        .append(ContractFuzzer.SEED_PROPERTY).append('=').append(seed).append(")\n  ")
        .append(method).append(' ').append(target);
    headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(Printable.of(value)));
    if (body != null) {
      text.append("\n  body: ").append(Printable.of(new String(body, StandardCharsets.UTF_8)));
    }
    text.append("\n  expected: ").append(expect);
    return text.toString();
  }

  @Override
  public String toString() {
    return name();
  }
}
