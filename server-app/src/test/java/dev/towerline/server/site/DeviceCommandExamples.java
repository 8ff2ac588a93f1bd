package dev.towerline.server.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The device shell commands a newcomer finds in the contract's examples and in the guides' code
 * blocks, read from the files themselves so that a new example is tried as soon as it is written.
 */
final class DeviceCommandExamples {
  /**
   * Examples that show a command stopped before it finished ({@code sleep 600} cancelled) print
   * nothing by design; they are not meant to be copied as a first command.
   */
  private static final Set<String> STOPPED = Set.of("timed_out", "cancelled");

  /** {@code "command": "…"} in a JSON body (curl, HTTP examples). */
  private static final Pattern JSON_COMMAND = Pattern.compile("\"command\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** {@code NewExecution.of(serial, "…")} in the SDK guide. */
  private static final Pattern SDK_COMMAND = Pattern.compile("NewExecution\\.of\\([^,]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** {@code SERIAL$ command} prompt lines of sample output. */
  private static final Pattern PROMPT_COMMAND = Pattern.compile("^(?:emulator-\\d+|[A-Z0-9]{8,})\\$ (.+)$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

  private DeviceCommandExamples() {}

  /**
   * Every {@code command} of an execution example (an object with {@code device_serial} and
   * {@code command}) in openapi.yaml, except the audit log's {@code payload}s, which record what
   * clients sent (refused commands included), and examples of a stopped execution.
   */
  static Set<String> fromContract(String openapiYaml) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(openapiYaml);
      Set<String> commands = new LinkedHashSet<>();
      collect(root, null, commands);
      return commands;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, String fieldName, Set<String> commands) {
    if (node.isObject()) {
      if (node.path("command").isTextual() && node.path("device_serial").isTextual()
          && !"payload".equals(fieldName) && !STOPPED.contains(node.path("status").asText())) {
        commands.add(node.path("command").asText());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        collect(field.getValue(), field.getKey(), commands);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, fieldName, commands));
    }
  }

  /** The device commands in the fenced code blocks of every guide under {@code guides}. */
  static Set<String> fromGuides(Path guides) {
    Set<String> commands = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(guides)) {
      for (Path guide : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        for (String line : codeBlockLines(Files.readAllLines(guide))) {
          findQuoted(JSON_COMMAND, line, commands);
          findQuoted(SDK_COMMAND, line, commands);
          Matcher prompt = PROMPT_COMMAND.matcher(line);
          if (prompt.matches()) {
            commands.add(prompt.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commands;
  }

  private static List<String> codeBlockLines(List<String> lines) {
    List<String> code = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inBlock = !inBlock;
      } else if (inBlock) {
        code.add(line);
      }
    }
    return code;
  }

  /** A command written as a JSON or Java string literal, its escapes undone. */
  private static void findQuoted(Pattern pattern, String line, Set<String> commands) {
    Matcher matcher = pattern.matcher(line);
    while (matcher.find()) {
      commands.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
  }
}
