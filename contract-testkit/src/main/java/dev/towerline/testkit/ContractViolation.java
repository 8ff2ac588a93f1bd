package dev.towerline.testkit;

import java.util.List;

/**
 * An HTTP answer or a WebSocket frame the contract does not allow. An {@link AssertionError}, so
 * the test that received it fails like any failed assertion. The message has one line per
 * problem, each naming the operation or channel and the JSON pointer, e.g. {@code getDevice (GET
 * /api/v1/devices/{serial}) answered 200 with a body that breaks #/components/schemas/Device:
 * /link/breaker_state: does not have a value in the enumeration [closed, open, half_open]}.
 */
public final class ContractViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  ContractViolation(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem, in the order they were found. */
  public List<String> problems() {
    return problems;
  }
}
