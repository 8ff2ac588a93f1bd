package dev.towerline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.diff.internal.Releases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate `mvn verify` runs: the working contract against the newest folder under api-spec/releases/. */
class ReleaseGateTest {
  static final Path RELEASES = ContractCopy.SHIPPED.resolve("releases");
  static final Path ACCEPTED = RELEASES.resolve("accepted-breaks.yaml");

  @Test
  void latestReleaseIsTheHighestSemVerFolder() {
    assertThat(Releases.latest(RELEASES).getFileName().toString()).isEqualTo("1.0.0");
  }

  @Test
  void workingContractIsCompatibleWithTheLatestReleaseOnceItsReviewedBreaksAreAccepted() {
    DiffReport report = new ContractDiff(Clock.systemUTC(), AcceptedBreak.load(ACCEPTED))
        .compare(Contract.folder(Releases.latest(RELEASES), "release"), Contract.folder(ContractCopy.SHIPPED, "api-spec"));

    assertThat(report.changes(Severity.BREAKING)).isEmpty();
    assertThat(report.violations()).isEmpty();
    assertThat(report.exitCode()).isZero();
    assertThat(report.requiredBump()).isEqualTo(Bump.MINOR);
    assertThat(report.changes()).extracting(Change::rule).doesNotContain("policy.acceptance-unused");
  }

  @Test
  void everyAcceptedBreakIsStillReportedAndWithoutTheListTheGateFails() {
    Contract release = Contract.folder(Releases.latest(RELEASES), "release");
    Contract working = Contract.folder(ContractCopy.SHIPPED, "api-spec");
    List<AcceptedBreak> accepted = AcceptedBreak.load(ACCEPTED);

    DiffReport withList = new ContractDiff(Clock.systemUTC(), accepted).compare(release, working);
    DiffReport withoutList = new ContractDiff(Clock.systemUTC()).compare(release, working);

    assertThat(withList.accepted()).extracting(Change::rule)
        .containsExactlyElementsOf(accepted.stream().map(AcceptedBreak::rule).toList());
    assertThat(withoutList.exitCode()).isEqualTo(1);
    assertThat(withoutList.changes(Severity.BREAKING)).extracting(Change::location)
        .containsExactlyElementsOf(accepted.stream().map(AcceptedBreak::location).toList());
  }
}
