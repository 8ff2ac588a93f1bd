package dev.towerline.server.policy;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an execution's command against the configured policy, rules in this order: {@code
 * max_length}, {@code deny_pattern}, {@code allowed_programs}. A refusal is a 422 {@code
 * COMMAND_NOT_ALLOWED} whose {@code details.rule} names the rule, with the rule's parameter.
 */
public final class CommandPolicy {
  static final String MAX_LENGTH = "max_length";
  static final String DENY_PATTERN = "deny_pattern";
  static final String ALLOWED_PROGRAMS = "allowed_programs";

  private final CommandPolicyConfig config;
  private final List<Pattern> denied;

  public CommandPolicy(CommandPolicyConfig config) {
    this.config = config;
    this.denied = config.denyPatterns().stream().map(Pattern::compile).toList();
  }

  /**
   * @throws ApiException {@code COMMAND_NOT_ALLOWED} naming the first rule {@code command} breaks
   */
  public void check(String command) {
    int length = command.codePointCount(0, command.length());
    if (length > config.maxLength()) {
      throw refusal(
          "The command is " + length + " characters long; the limit is " + config.maxLength(),
          MAX_LENGTH,
          Map.of("max_length", config.maxLength(), "length", length));
    }
    for (Pattern pattern : denied) {
      if (pattern.matcher(command).find()) {
        throw refusal(
            "The command matches the denied pattern '" + pattern.pattern() + "'", DENY_PATTERN, Map.of("pattern", pattern.pattern()));
      }
    }
    if (!config.allowedPrograms().isEmpty()) {
      checkPrograms(ShellPrograms.of(command));
    }
  }

  private void checkPrograms(ShellPrograms.Found found) {
    if (found.programs().isEmpty() && found.unverifiable().isEmpty()) {
      throw refusal(
          "The command runs no program the allowed programs can be checked against",
          ALLOWED_PROGRAMS,
          Map.of("construct", "no program", "allowed_programs", config.allowedPrograms()));
    }
    Optional<String> notAllowed = found.programs().stream().filter(p -> !config.allowedPrograms().contains(p)).findFirst();
    if (notAllowed.isPresent()) {
      throw refusal(
          "The command runs '" + notAllowed.get() + "', which is not an allowed program",
          ALLOWED_PROGRAMS,
          Map.of("program", notAllowed.get(), "allowed_programs", config.allowedPrograms()));
    }
    if (found.unverifiable().isPresent()) {
      throw refusal(
          "The command uses " + found.unverifiable().get() + ", whose programs cannot be checked against the allowed programs",
          ALLOWED_PROGRAMS,
          Map.of("construct", found.unverifiable().get(), "allowed_programs", config.allowedPrograms()));
    }
  }

  private static ApiException refusal(String message, String rule, Map<String, Object> parameters) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rule", rule);
    details.putAll(parameters);
    return new ApiException(ErrorCode.COMMAND_NOT_ALLOWED, message, details);
  }
}
