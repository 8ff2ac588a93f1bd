package dev.towerline.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandPolicyTest {

  private static Map<String, Object> refusal(CommandPolicy policy, String command) {
    try {
      policy.check(command);
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_NOT_ALLOWED);
      return e.details();
    }
    throw new AssertionError("allowed: " + command);
  }

  @Test
  void theDefaultsAllowOrdinaryLabCommands() {
    CommandPolicy defaults = new CommandPolicy(CommandPolicyConfig.ofDefaults());
    for (String command :
        List.of(
            "pm list packages", "am instrument -w com.example.test/androidx.test.runner.AndroidJUnitRunner", "rm -rf /sdcard/Download/tmp",
            "rm -rf /data/local/tmp/run", "logcat -d | grep -i crash", "dumpsys battery", "reboot", "echo $(getprop ro.product.model)")) {
      assertThatCode(() -> defaults.check(command)).as(command).doesNotThrowAnyException();
    }
  }

  @Test
  void theDefaultsRefuseWipingTheDevice() {
    CommandPolicy defaults = new CommandPolicy(CommandPolicyConfig.ofDefaults());
    for (String command : List.of("rm -rf /", "rm -fr /*", "rm -r -f / ", "echo x; rm -Rf /;", "mkfs.ext4 /dev/block/sda", "dd if=/dev/zero of=/dev/block/mmcblk0")) {
      assertThat(refusal(defaults, command).get("rule")).as(command).isEqualTo("deny_pattern");
    }
    assertThat(refusal(defaults, "x".repeat(4097))).containsEntry("rule", "max_length").containsEntry("length", 4097);
  }

  @Test
  void theLengthRuleComesFirstThenPatternsThenPrograms() {
    CommandPolicy policy =
        new CommandPolicy(CommandPolicyConfig.custom().maxLength(10).denyPatterns(List.of("id")).allowedPrograms(List.of("echo")).build());
    assertThat(refusal(policy, "id; sh -c xxxxxx").get("rule")).isEqualTo("max_length");
    assertThat(refusal(policy, "id; sh").get("rule")).isEqualTo("deny_pattern");
    assertThat(refusal(policy, "ls; sh")).containsEntry("rule", "allowed_programs").containsEntry("program", "ls");
    assertThat(refusal(policy, "> x").get("construct")).isEqualTo("no program");
  }

  @Test
  void configurationIsReadFromTheEnvironmentAndRefusedWithTheVariableNamed() {
    CommandPolicyConfig config =
        CommandPolicyConfig.fromEnvironment(
            Map.of("COMMAND_MAX_LENGTH", "100", "COMMAND_ALLOWED_PROGRAMS", " pm, am ,,", "COMMAND_DENY_PATTERNS", "a+\r\n\n b "));
    assertThat(config.maxLength()).isEqualTo(100);
    assertThat(config.allowedPrograms()).containsExactly("pm", "am");
    assertThat(config.denyPatterns()).containsExactly("a+", "b");
    assertThat(CommandPolicyConfig.fromEnvironment(Map.of("COMMAND_DENY_PATTERNS", "none")).denyPatterns()).isEmpty();
    assertThat(CommandPolicyConfig.fromEnvironment(Map.of()).denyPatterns()).isEqualTo(CommandPolicyConfig.DEFAULT_DENY_PATTERNS);

    assertThatThrownBy(() -> CommandPolicyConfig.fromEnvironment(Map.of("COMMAND_MAX_LENGTH", "5000")))
        .hasMessage("COMMAND_MAX_LENGTH must be 1..4096: 5000");
    assertThatThrownBy(() -> CommandPolicyConfig.fromEnvironment(Map.of("COMMAND_DENY_PATTERNS", "(unclosed")))
        .hasMessageStartingWith("COMMAND_DENY_PATTERNS: not a regular expression: (unclosed");
  }
}
