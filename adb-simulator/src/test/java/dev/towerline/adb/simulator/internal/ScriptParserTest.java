package dev.towerline.adb.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
  @Test
  void splitsWordsAndCommandsLikeSh() throws ShellSyntaxException {
    Script script = ScriptParser.parse("echo a  b;getprop x && true || false\nexit 3;");

    assertThat(render(script, 0)).containsExactly(
        "ALWAYS [echo, a, b]", "ALWAYS [getprop, x]", "IF_SUCCESS [true]",
        "IF_FAILURE [false]", "ALWAYS [exit, 3]");
  }

  @Test
  void expandsTheStatusOutsideSingleQuotesOnly() throws ShellSyntaxException {
    Script script = ScriptParser.parse("echo \"__TL_EXIT__$?\" '$?' x$?y $HOME");

    assertThat(render(script, 42)).containsExactly(
        "ALWAYS [echo, __TL_EXIT__42, $?, x42y, $HOME]");
  }

  @Test
  void keepsEmptyQuotedWordsAndEscapes() throws ShellSyntaxException {
    Script script = ScriptParser.parse("echo \"\" '' a\\ b \"q\\\"uote\" # a comment; exit 1");

    assertThat(render(script, 0)).containsExactly("ALWAYS [echo, , , a b, q\"uote]");
  }

  @Test
  void allowsANewlineAfterAndAnd() throws ShellSyntaxException {
    assertThat(render(ScriptParser.parse("true &&\n echo ok"), 0))
        .containsExactly("ALWAYS [true]", "IF_SUCCESS [echo, ok]");
  }

  @Test
  void refusesWhatItCannotRunFaithfully() {
    assertThatThrownBy(() -> ScriptParser.parse("echo 'open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> ScriptParser.parse("echo \"open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> ScriptParser.parse("true &&")).hasMessageContaining("end of file");
    assertThatThrownBy(() -> ScriptParser.parse("&& true")).hasMessageContaining("'&&'");
    assertThatThrownBy(() -> ScriptParser.parse("ls | wc")).hasMessageContaining("pipes");
    assertThatThrownBy(() -> ScriptParser.parse("ls > f")).hasMessageContaining("redirections");
    assertThatThrownBy(() -> ScriptParser.parse("sleep 9 &")).hasMessageContaining("background");
    assertThatThrownBy(() -> ScriptParser.parse("echo $(id)")).hasMessageContaining("$(");
    assertThatThrownBy(() -> ScriptParser.parse("echo \"`id`\"")).hasMessageContaining("`");
  }

  @Test
  void readsSleepArgumentsLikeToybox() {
    assertThat(BuiltinCommands.parseSleep("0.25")).isEqualTo(Duration.ofMillis(250));
    assertThat(BuiltinCommands.parseSleep("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(BuiltinCommands.parseSleep("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(BuiltinCommands.parseSleep("-1")).isNull();
    assertThat(BuiltinCommands.parseSleep("soon")).isNull();
    assertThat(BuiltinCommands.parseSleep("")).isNull();
  }

  private static List<String> render(Script script, int lastStatus) {
    return script.steps().stream()
        .map(step -> step.connector() + " " + step.expand(lastStatus))
        .collect(Collectors.toList());
  }
}
