package dev.towerline.diff;

import dev.towerline.diff.internal.HtmlReport;
import dev.towerline.diff.internal.JsonReport;
import dev.towerline.diff.internal.MarkdownReport;
import dev.towerline.diff.internal.Releases;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code java -jar contract-diff.jar --base <folder|file|git ref> [--candidate <…>] [options]}.
 * Exit 0: compatible (or breaking under a new major); 1: breaking or a policy violation; 2: usage error.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "Usage: java -jar contract-diff.jar --base <folder|file|git ref> [--candidate <folder|file|git ref>] [options]",
      "       java -jar contract-diff.jar --base-latest-release <releases folder> [--candidate …] [options]",
      "  --candidate <x>        default: api-spec (the working contract)",
      "  --format <f>           markdown (default), json or html, written to stdout",
      "  --accept <file>        reviewed breaking changes (YAML list of base, rule, location, reason) that do not fail",
      "  --html-out <file>      also write the HTML page (\"what changed since the last release\") to <file>",
      "  --spec-dir <dir>       where the contract sits inside a git ref (default api-spec)",
      "  --today <yyyy-mm-dd>   judge x-sunset dates as of this day (default: today, UTC)",
      "Exit: 0 compatible, 1 breaking change or policy violation, 2 usage error.");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC(), Path.of("").toAbsolutePath()));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock, Path workingDirectory) {
    try {
      Options options = Options.parse(args);
      if (options.help) {
        out.println(USAGE);
        return DiffReport.EXIT_COMPATIBLE;
      }
      String base = options.baseLatestRelease != null
          ? relative(workingDirectory, Releases.latest(workingDirectory.resolve(options.baseLatestRelease)))
          : options.base;
      Clock effective = options.today == null ? clock
          : Clock.fixed(options.today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
      Contract baseContract = Contract.locate(base, workingDirectory, options.specDir);
      Contract candidateContract = Contract.locate(options.candidate, workingDirectory, options.specDir);
      List<AcceptedBreak> accepted = options.accept == null ? List.of()
          : AcceptedBreak.load(workingDirectory.resolve(options.accept));
      DiffReport report = new ContractDiff(effective, accepted).compare(baseContract, candidateContract);
      out.print(switch (options.format) {
        case "json" -> JsonReport.render(report);
        case "html" -> HtmlReport.render(report);
        default -> MarkdownReport.render(report);
      });
      out.flush();
      if (options.htmlOut != null) {
        Path page = workingDirectory.resolve(options.htmlOut);
        if (page.getParent() != null) {
          Files.createDirectories(page.getParent());
        }
        Files.writeString(page, HtmlReport.render(report), StandardCharsets.UTF_8);
      }
      return report.exitCode();
    } catch (UsageException e) {
      err.println("contract-diff: " + e.getMessage());
      return DiffReport.EXIT_USAGE;
    } catch (IOException e) {
      err.println("contract-diff: cannot write: " + e.getMessage());
      return DiffReport.EXIT_USAGE;
    }
  }

  /** {@code api-spec/releases/1.0.0} rather than an absolute path, for the report's title. */
  private static String relative(Path workingDirectory, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = workingDirectory.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }

  private static final class Options {
    String base;
    String baseLatestRelease;
    String candidate = Contract.DEFAULT_SPEC_DIR;
    String format = "markdown";
    String htmlOut;
    String accept;
    String specDir = Contract.DEFAULT_SPEC_DIR;
    LocalDate today;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--help", "-h" -> o.help = true;
          case "--base" -> o.base = value(args, ++i, arg);
          case "--base-latest-release" -> o.baseLatestRelease = value(args, ++i, arg);
          case "--candidate" -> o.candidate = value(args, ++i, arg);
          case "--format" -> o.format = format(value(args, ++i, arg));
          case "--html-out" -> o.htmlOut = value(args, ++i, arg);
          case "--accept" -> o.accept = value(args, ++i, arg);
          case "--spec-dir" -> o.specDir = value(args, ++i, arg);
          case "--today" -> o.today = date(value(args, ++i, arg));
          default -> throw new UsageException("unknown option " + arg + " (see --help)");
        }
      }
      if (!o.help && (o.base == null) == (o.baseLatestRelease == null)) {
        throw new UsageException("give exactly one of --base or --base-latest-release (see --help)");
      }
      return o;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length || args[index].startsWith("--")) {
        throw new UsageException(option + " needs a value (see --help)");
      }
      return args[index];
    }

    private static String format(String format) {
      if (!format.equals("markdown") && !format.equals("json") && !format.equals("html")) {
        throw new UsageException("unknown --format " + format + "; use markdown, json or html");
      }
      return format;
    }

    private static LocalDate date(String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new UsageException("--today needs a date like 2027-07-01, got " + text);
      }
    }
  }
}
