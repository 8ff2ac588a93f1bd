package dev.towerline.diff;

import dev.towerline.diff.internal.AsyncApiDiff;
import dev.towerline.diff.internal.ChangeLog;
import dev.towerline.diff.internal.Documents;
import dev.towerline.diff.internal.Located;
import dev.towerline.diff.internal.OpenApiDiff;
import dev.towerline.diff.internal.Refs;
import dev.towerline.diff.internal.Sunset;
import dev.towerline.diff.internal.VersionPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two versions of the contract by direction and applies the policy: removals only after
 * an {@code x-sunset}, and an {@code info.version} raised as SemVer asks.
 *
 * <pre>{@code
 * DiffReport report = new ContractDiff(Clock.systemUTC())
 *     .compare(Contract.locate("api-spec/releases/1.0.0", cwd, "api-spec"), Contract.locate("api-spec", cwd, "api-spec"));
 * if (!report.passed()) { ... report.changes(Severity.BREAKING) ... }
 * }</pre>
 */
public final class ContractDiff {
  private final Clock clock;
  private final List<AcceptedBreak> acceptedBreaks;

  /** @param clock decides whether a sunset date has passed */
  public ContractDiff(Clock clock) {
    this(clock, List.of());
  }

  /** @param acceptedBreaks reviewed breaking changes that do not fail the comparison (they are still reported) */
  public ContractDiff(Clock clock, List<AcceptedBreak> acceptedBreaks) {
    this.clock = clock;
    this.acceptedBreaks = List.copyOf(acceptedBreaks);
  }

  public DiffReport compare(Contract base, Contract candidate) {
    ChangeLog log = new ChangeLog();
    Refs baseRefs = new Refs(base.documents());
    Refs candidateRefs = new Refs(candidate.documents());
    Sunset sunset = new Sunset(clock);
    document(base, candidate, base.openapi(), candidate.openapi(), "openapi", log,
        (b, c) -> new OpenApiDiff(baseRefs, candidateRefs, log, sunset).compare(b, c));
    document(base, candidate, base.asyncapi(), candidate.asyncapi(), "asyncapi", log,
        (b, c) -> new AsyncApiDiff(baseRefs, candidateRefs, log, sunset).compare(b, c));
    String baseVersion = firstVersion(base);
    List<Change> changes = new ArrayList<>();
    List<Change> accepted = new ArrayList<>();
    for (Change change : log.changes()) {
      Optional<AcceptedBreak> acceptance = acceptedBreaks.stream().filter(a -> a.matches(baseVersion, change)).findFirst();
      if (acceptance.isPresent()) {
        accepted.add(new Change(change.severity(), change.rule(), change.location(), change.where(),
            change.reason() + "; accepted: " + acceptance.get().reason(), change.alsoVia()));
      } else {
        changes.add(change);
      }
    }
    for (AcceptedBreak acceptance : acceptedBreaks) {
      if (acceptance.base().equals(baseVersion) && accepted.stream().noneMatch(
          c -> c.rule().equals(acceptance.rule()) && c.location().equals(acceptance.location()))) {
        changes.add(new Change(Severity.INFORMATIONAL, "policy.acceptance-unused", acceptance.location(),
            "accepted-breaks", "an accepted break of " + acceptance.rule() + " matches no change; remove the entry"));
      }
    }
    Bump required = VersionPolicy.required(changes);
    if (!accepted.isEmpty() && required.compareTo(Bump.MINOR) < 0) {
      required = Bump.MINOR;
    }
    List<String> candidateVersions = new ArrayList<>();
    candidate.openapi().flatMap(candidate::version).ifPresent(candidateVersions::add);
    candidate.asyncapi().flatMap(candidate::version).ifPresent(candidateVersions::add);
    VersionPolicy policy = new VersionPolicy().check(baseVersion, candidateVersions, required);
    return new DiffReport(base.label(), candidate.label(), baseVersion,
        candidateVersions.isEmpty() ? "" : candidateVersions.get(0), changes, policy.violations(), accepted, required,
        policy.made());
  }

  private static String firstVersion(Contract contract) {
    return contract.openapi().or(contract::asyncapi).flatMap(contract::version).orElse("");
  }

  private interface DocumentDiff {
    void compare(Located base, Located candidate);
  }

  private static void document(Contract base, Contract candidate, Optional<String> before, Optional<String> after,
      String kind, ChangeLog log, DocumentDiff diff) {
    if (before.isPresent() && after.isPresent()) {
      diff.compare(root(base.documents(), before.get()), root(candidate.documents(), after.get()));
    } else if (before.isPresent() && candidate.whole()) {
      log.add(Severity.BREAKING, "contract.document-removed", before.get() + "#", kind,
          "the candidate has no " + before.get() + "; every operation or feed in it is gone");
    } else if (after.isPresent() && base.whole()) {
      log.add(Severity.COMPATIBLE, "contract.document-added", after.get() + "#", kind, "new document " + after.get());
    }
  }

  private static Located root(Documents documents, String name) {
    return Located.root(name, documents.tree(name).orElseThrow());
  }
}
