package dev.towerline.diff;

import java.util.List;

/**
 * The outcome of one comparison.
 *
 * @param baseLabel what the base was read from
 * @param candidateLabel what the candidate was read from
 * @param baseVersion {@code info.version} of the base
 * @param candidateVersion {@code info.version} of the candidate
 * @param changes every change, breaking first
 * @param violations broken policy rules (version not raised enough, documents disagreeing on it)
 * @param accepted breaking changes accepted in {@code accepted-breaks.yaml}, with their reasons
 * @param requiredBump the smallest SemVer step the changes need
 * @param madeBump the step from the base's version to the candidate's
 */
public record DiffReport(String baseLabel, String candidateLabel, String baseVersion, String candidateVersion,
    List<Change> changes, List<Change> violations, List<Change> accepted, Bump requiredBump, Bump madeBump) {

  public static final int EXIT_COMPATIBLE = 0;
  public static final int EXIT_BREAKING = 1;
  public static final int EXIT_USAGE = 2;

  public DiffReport {
    changes = List.copyOf(changes);
    violations = List.copyOf(violations);
    accepted = List.copyOf(accepted);
  }

  public long count(Severity severity) {
    return changes.stream().filter(c -> c.severity() == severity).count();
  }

  public List<Change> changes(Severity severity) {
    return changes.stream().filter(c -> c.severity() == severity).toList();
  }

  /** Breaking changes that come with a new major version are allowed (DESIGN.md: "only in a new major"). */
  public boolean breakingAccepted() {
    return count(Severity.BREAKING) > 0 && madeBump == Bump.MAJOR;
  }

  public boolean passed() {
    return violations.isEmpty() && (count(Severity.BREAKING) == 0 || breakingAccepted());
  }

  /** 0 when clients of the base keep working (or the major version says they may not), 1 otherwise. */
  public int exitCode() {
    return passed() ? EXIT_COMPATIBLE : EXIT_BREAKING;
  }

  /** One line for the top of every report. */
  public String verdict() {
    long breaking = count(Severity.BREAKING);
    String counts = breaking + " breaking, " + count(Severity.COMPATIBLE) + " compatible, "
        + count(Severity.INFORMATIONAL) + " informational"
        + (accepted.isEmpty() ? "" : "; " + accepted.size() + " accepted breaking");
    if (!passed()) {
      return "FAIL: " + counts + (violations.isEmpty() ? "" : "; " + violations.size() + " policy violation(s)");
    }
    return "PASS: " + counts + (breakingAccepted() ? " (breaking changes come with a new major version)" : "");
  }
}
