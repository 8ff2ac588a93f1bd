package dev.towerline.docs.internal;

import dev.towerline.diff.AcceptedBreak;
import dev.towerline.diff.ContractDiff;
import dev.towerline.diff.DiffReport;
import dev.towerline.diff.internal.HtmlReport;
import dev.towerline.diff.internal.Releases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What changed since the last release": contract-diff's report of the working contract against
 * the newest {@code api-spec/releases/<version>}, with the reviewed breaks of {@code
 * releases/accepted-breaks.yaml} — the same comparison the build's compatibility gate makes — in
 * the site's frame.
 */
final class ChangesPage {
  static final String FILE = "api/changes.html";
  static final String RELEASES = "releases";
  static final String ACCEPTED_BREAKS = "accepted-breaks.yaml";
  /** The report's own page is standalone; the site keeps what is inside its body. */
  private static final Pattern BODY = Pattern.compile("(?s)<body>\\n?(.*)</body>");
  private static final Pattern INLINE_STYLE = Pattern.compile("(?s)<style>.*?</style>");

  private final Path specDir;
  private final Clock clock;

  ChangesPage(Path specDir, Clock clock) {
    this.specDir = specDir;
    this.clock = clock;
  }

  String render(String contractVersion) {
    Path releases = specDir.resolve(RELEASES);
    Path latest = Releases.latest(releases);
    DiffReport report = new ContractDiff(clock, AcceptedBreak.load(releases.resolve(ACCEPTED_BREAKS)))
        .compare(dev.towerline.diff.Contract.folder(latest, "api-spec/releases/" + latest.getFileName()),
            dev.towerline.diff.Contract.folder(specDir, "api-spec"));
    Matcher body = BODY.matcher(INLINE_STYLE.matcher(HtmlReport.render(report)).replaceAll(""));
    if (!body.find()) {
      throw new IllegalStateException("contract-diff's HTML report has no <body>");
    }
    String intro = "<p class=\"lead\">Every difference between the last released contract and the one this "
        + "server publishes, found by <code>contract-diff</code> as the build's compatibility gate runs it "
        + "(see the " + Html.link("../guides/spec-diff.html", "spec-diff guide") + ").</p>\n";
    String content = body.group(1).replaceFirst("(</h1>\\n)", "$1" + Matcher.quoteReplacement(intro));
    return PageLayout.page("What changed since " + report.baseVersion(), "../", contractVersion, content);
  }
}
