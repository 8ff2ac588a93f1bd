package dev.towerline.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellProgramsTest {

  private static List<String> programs(String line) {
    ShellPrograms.Found found = ShellPrograms.of(line);
    assertThat(found.unverifiable()).as("unverifiable in %s", line).isEmpty();
    return found.programs();
  }

  private static Optional<String> unverifiable(String line) {
    return ShellPrograms.of(line).unverifiable();
  }

  @Test
  void findsTheFirstWordOfEverySimpleCommand() {
    assertThat(programs("pm list packages")).containsExactly("pm");
    assertThat(programs("getprop a; echo b && am start x || logcat -d | grep y & sleep 1")).containsExactly("getprop", "echo", "am", "logcat", "grep", "sleep");
    assertThat(programs("echo a\nid")).containsExactly("echo", "id");
  }

  @Test
  void readsWordsAsTheShellDoesAfterQuotesAndEscapes() {
    assertThat(programs("'r''m' -rf x")).containsExactly("rm");
    assertThat(programs("\"s\"h -c x")).containsExactly("sh");
    assertThat(programs("r\\m x")).containsExactly("rm");
    assertThat(programs("echo 'a; rm x' \"b | sh\"")).containsExactly("echo");
  }

  @Test
  void skipsRedirectionTargets() {
    assertThat(programs("echo x > /sdcard/out; cat < /sdcard/in 2>&1")).containsExactly("echo", "cat");
    assertThat(programs(">/sdcard/out echo x")).containsExactly("echo");
  }

  @Test
  void reportsConstructsThatHideTheirPrograms() {
    assertThat(unverifiable("echo $(rm -rf x)")).hasValueSatisfying(c -> assertThat(c).startsWith("$("));
    assertThat(unverifiable("echo \"$(id)\"")).isPresent();
    assertThat(unverifiable("echo `id`")).isPresent();
    assertThat(unverifiable("diff <(ls a) b")).isPresent();
    assertThat(unverifiable("(rm x)")).isPresent();
    assertThat(unverifiable("echo a; { rm x; }")).isPresent();
    assertThat(unverifiable("echo '$(not substituted)'")).isEmpty();
  }

  @Test
  void variableAssignmentsAreTakenAsTheProgramSoAnAllowListRefusesThem() {
    assertThat(programs("LD_PRELOAD=/data/x.so pm list")).containsExactly("LD_PRELOAD=/data/x.so");
  }
}
