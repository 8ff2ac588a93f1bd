package dev.towerline.diff.internal;

import dev.towerline.diff.Bump;
import dev.towerline.diff.Change;
import dev.towerline.diff.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code info.version} must rise by SemVer: a breaking change needs a new major, a compatible one
 * a new minor, anything else a patch; the two documents of one version carry the same version.
 */
public final class VersionPolicy {
  private final List<Change> violations = new ArrayList<>();
  private Bump made = Bump.NONE;

  public static Bump required(List<Change> changes) {
    if (changes.stream().anyMatch(c -> c.severity() == Severity.BREAKING)) {
      return Bump.MAJOR;
    }
    if (changes.stream().anyMatch(c -> c.severity() == Severity.COMPATIBLE)) {
      return Bump.MINOR;
    }
    return changes.isEmpty() ? Bump.NONE : Bump.PATCH;
  }

  /** Checks the versions; {@code candidateVersions} are those of every candidate document. */
  public VersionPolicy check(String baseVersion, List<String> candidateVersions, Bump required) {
    String candidate = candidateVersions.isEmpty() ? "" : candidateVersions.get(0);
    if (candidateVersions.stream().distinct().count() > 1) {
      violations.add(new Change(Severity.BREAKING, "policy.versions-differ", "info/version", "info.version",
          "the candidate's documents carry different versions " + candidateVersions + "; they must be one"));
    }
    Optional<SemVer> before = SemVer.parse(baseVersion);
    Optional<SemVer> after = SemVer.parse(candidate);
    if (after.isEmpty()) {
      violations.add(new Change(Severity.BREAKING, "policy.version-not-semver", "info/version", "info.version",
          "candidate version '" + candidate + "' is not SemVer (MAJOR.MINOR.PATCH)"));
      return this;
    }
    if (before.isEmpty()) {
      made = Bump.MAJOR;
      return this;
    }
    Optional<Bump> step = before.get().stepTo(after.get());
    if (step.isEmpty()) {
      violations.add(new Change(Severity.BREAKING, "policy.version-lowered", "info/version", "info.version",
          "version went down from " + baseVersion + " to " + candidate));
      return this;
    }
    made = step.get();
    if (made.compareTo(required) < 0) {
      violations.add(new Change(Severity.BREAKING, "policy.version-bump-too-small", "info/version", "info.version",
          "the changes need a " + required.label() + " version (at least " + before.get().next(required) + "), but "
              + baseVersion + " → " + candidate + " is " + (made == Bump.NONE ? "no bump" : "a " + made.label())));
    }
    return this;
  }

  public List<Change> violations() {
    return violations;
  }

  public Bump made() {
    return made;
  }
}
