package dev.towerline.sdkit.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.adb.simulator.VirtualDevice;
import dev.towerline.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK guide's complete program ({@code docs/guides/sdk.md}) is compiled against the SDK and run
 * against the real server with the simulator's devices, so the guide cannot drift from the SDK.
 */
class SdkGuideExampleTest {
  private static final Path GUIDE = Path.of("..", "docs", "guides", "sdk.md");

  @RegisterExtension static final RunningServer server = new RunningServer();

  @TempDir Path work;

  @Test
  void theGuidesProgramListsTheDevicesFollowsTheFeedRunsACommandAndNamesTheUnknownSerial() throws Exception {
    GuideProgram program = GuideProgram.in(GUIDE);
    Path classes = program.compile(work);

    GuideProgram.Run run = program.run(classes, Duration.ofSeconds(60), server.uri("/").toString());

    assertThat(run.exitCode()).as("exit code; it printed:%n%s%s", run.out(), run.err()).isZero();
    assertThat(run.err()).as("what it printed to System.err").isEmpty();
    List<String> printed = run.out().lines().toList();

    Map<String, VirtualDevice> rack =
        server.adb().devices().stream().collect(Collectors.toMap(VirtualDevice::serial, Function.identity()));
    assertThat(printed.stream().filter(line -> line.startsWith("device ")))
        .containsExactlyInAnyOrderElementsOf(
            rack.values().stream().map(d -> "device " + d.serial() + " online " + d.model()).toList());
    assertThat(printed).contains(rack.size() + " devices");

    int command = indexOfLineEndingWith(printed, "$ getprop ro.product.model");
    String serial = printed.get(command).substring(0, printed.get(command).indexOf('$'));
    assertThat(rack).containsKey(serial);
    assertThat(printed.get(command + 1)).isEqualTo(rack.get(serial).model());
    assertThat(printed.get(command + 2))
        .as("the statuses the executions feed reported for the run, in order")
        .matches("feed:( queued)?( running)? succeeded, exit code 0");

    assertThat(printed.get(printed.size() - 1)).matches("no-such-device: DEVICE_NOT_FOUND \\(HTTP 404, request \\S+\\)");
  }

  @Test
  void aCompileErrorInTheGuideIsReportedAtItsLine() {
    String markdown = "# Guide\n\nText.\n\n```java\npublic final class Broken {\n"
        + "  public static void main(String[] args) {\n    TowerlineClient.builder().baseUrl(1);\n  }\n}\n```\n";
    GuideProgram broken = GuideProgram.of(Path.of("guide.md"), markdown);

    assertThatThrownBy(() -> broken.compile(work))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The complete program of guide.md does not compile")
        .hasMessageContaining("guide.md:8: cannot find symbol");
  }

  @Test
  void aGuideMustHaveExactlyOneCompleteProgram() {
    String twoPrograms = "```java\npublic class A { public static void main(String[] a) {} }\n```\n"
        + "```java\npublic class B { public static void main(String[] a) {} }\n```\n";

    assertThatThrownBy(() -> GuideProgram.of(Path.of("guide.md"), twoPrograms))
        .hasMessageContaining("exactly one ```java block with a public class and a main method, found 2");
    assertThatThrownBy(() -> GuideProgram.of(Path.of("guide.md"), "```java\nint x = 1;\n```\n"))
        .hasMessageContaining("found 0");
  }

  private static int indexOfLineEndingWith(List<String> lines, String suffix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith(suffix)) {
        return i;
      }
    }
    throw new AssertionError("no line ends with '" + suffix + "' in " + lines);
  }
}
