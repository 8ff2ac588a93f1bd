package dev.towerline.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link SpecCheck#main} when the contract breaks a rule; the message lists every problem. */
public final class SpecViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public SpecViolationException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    return "The contract breaks "
        + problems.size()
        + (problems.size() == 1 ? " rule" : " rules")
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
