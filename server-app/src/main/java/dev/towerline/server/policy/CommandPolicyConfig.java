package dev.towerline.server.policy;

import dev.towerline.server.config.environment.ConfigChecks;
import dev.towerline.server.config.environment.EnvironmentVariables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the command policy allows. Immutable; {@link #ofDefaults()}, {@link #custom()}, {@link
 * #toBuilder()} or {@link #fromEnvironment(Map)}.
 *
 * <ul>
 *   <li>{@code COMMAND_MAX_LENGTH}: longest command in characters (Unicode code points), {@value
 *       #MIN_MAX_LENGTH}..{@value #MAX_MAX_LENGTH}. Default {@value #DEFAULT_MAX_LENGTH}, the
 *       contract's own limit.
 *   <li>{@code COMMAND_ALLOWED_PROGRAMS}: comma-separated programs a command may run; unset means
 *       every program.
 *   <li>{@code COMMAND_DENY_PATTERNS}: regular expressions (Java syntax, one per line) a command
 *       must not contain a match of; unset means {@link #DEFAULT_DENY_PATTERNS}, {@code none}
 *       means no pattern.
 * </ul>
 */
public final class CommandPolicyConfig {
  public static final String MAX_LENGTH_VARIABLE = "COMMAND_MAX_LENGTH";
  public static final String ALLOWED_PROGRAMS_VARIABLE = "COMMAND_ALLOWED_PROGRAMS";
  public static final String DENY_PATTERNS_VARIABLE = "COMMAND_DENY_PATTERNS";

  /** The contract's {@code maxLength} of {@code CreateExecutionRequest.command}. */
  public static final int DEFAULT_MAX_LENGTH = 4096;
  static final int MIN_MAX_LENGTH = 1;
  static final int MAX_MAX_LENGTH = 4096;
  /** The value of {@code COMMAND_DENY_PATTERNS} that turns the default patterns off. */
  public static final String NO_PATTERNS = "none";

  /**
   * Commands that destroy a device rather than test it: a recursive delete of the root, and
   * writing a file system or raw data over a block device.
   */
  public static final List<String> DEFAULT_DENY_PATTERNS =
      List.of(
          "\\brm\\s+(-[A-Za-z]+\\s+)*-[A-Za-z]*[rR][A-Za-z]*\\s+(-[A-Za-z]+\\s+)*/\\*?(\\s|;|&|\\||$)",
          "\\b(mkfs(\\.\\w+)?|dd\\s[^;&|]*\\bof=/dev/block/)");

  private final int maxLength;
  private final List<String> allowedPrograms;
  private final List<String> denyPatterns;

  private CommandPolicyConfig(Builder builder) {
    this.maxLength = builder.maxLength;
    this.allowedPrograms = builder.allowedPrograms;
    this.denyPatterns = builder.denyPatterns;
  }

  public static CommandPolicyConfig ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  public Builder toBuilder() {
    return custom().maxLength(maxLength).allowedPrograms(allowedPrograms).denyPatterns(denyPatterns);
  }

  /**
   * @throws IllegalArgumentException naming the variable and its value when a value is invalid
   */
  public static CommandPolicyConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentVariables variables = EnvironmentVariables.of(environment);
    Builder builder = custom();
    variables.wholeNumber(MAX_LENGTH_VARIABLE).ifPresent(length -> {
      ConfigChecks.checkRange(MAX_LENGTH_VARIABLE, length, MIN_MAX_LENGTH, MAX_MAX_LENGTH);
      builder.maxLength(length.intValue());
    });
    variables.text(ALLOWED_PROGRAMS_VARIABLE).ifPresent(list -> builder.allowedPrograms(split(list, ",")));
    variables.text(DENY_PATTERNS_VARIABLE).ifPresent(list -> {
      try {
        builder.denyPatterns(list.equals(NO_PATTERNS) ? List.of() : split(list, "\\R"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(DENY_PATTERNS_VARIABLE + ": " + e.getMessage(), e);
      }
    });
    return builder.build();
  }

  private static List<String> split(String list, String separator) {
    return Arrays.stream(list.split(separator)).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }

  /** Longest command, in Unicode code points. */
  public int maxLength() {
    return maxLength;
  }

  /** Programs a command may run; empty when every program may run. */
  public List<String> allowedPrograms() {
    return allowedPrograms;
  }

  /** Patterns no part of a command may match. */
  public List<String> denyPatterns() {
    return denyPatterns;
  }

  public static final class Builder {
    private int maxLength = DEFAULT_MAX_LENGTH;
    private List<String> allowedPrograms = List.of();
    private List<String> denyPatterns = DEFAULT_DENY_PATTERNS;

    private Builder() {}

    public Builder maxLength(int maxLength) {
      ConfigChecks.checkRange("maxLength", maxLength, MIN_MAX_LENGTH, MAX_MAX_LENGTH);
      this.maxLength = maxLength;
      return this;
    }

    /** Programs a command may run, by the name or path it is called with; empty allows every program. */
    public Builder allowedPrograms(List<String> allowedPrograms) {
      for (String program : allowedPrograms) {
        if (program.isBlank() || program.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("an allowed program must be one word: '" + program + "'");
        }
      }
      this.allowedPrograms = List.copyOf(allowedPrograms);
      return this;
    }

    /** Regular expressions (Java syntax), searched for anywhere in a command. */
    public Builder denyPatterns(List<String> denyPatterns) {
      for (String pattern : denyPatterns) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("not a regular expression: " + pattern + " (" + e.getDescription() + ")", e);
        }
      }
      this.denyPatterns = List.copyOf(denyPatterns);
      return this;
    }

    public CommandPolicyConfig build() {
      return new CommandPolicyConfig(this);
    }
  }
}
