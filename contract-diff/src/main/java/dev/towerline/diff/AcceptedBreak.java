package dev.towerline.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A breaking change someone reviewed and accepted against one release, with the reason. It stays
 * in every report (as "accepted"), it just does not fail the gate. Kept in
 * {@code api-spec/releases/accepted-breaks.yaml}; an entry applies only while its {@code base} is
 * the release compared against.
 */
public record AcceptedBreak(String base, String rule, String location, String reason) {

  /** The entries of a YAML list of {@code {base, rule, location, reason}}; a missing file holds none. */
  public static List<AcceptedBreak> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    JsonNode list;
    try {
      list = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException("not an accepted-breaks list: " + file + ": " + e.getMessage());
    }
    List<AcceptedBreak> accepted = new ArrayList<>();
    if (list == null || list.isNull() || list.isMissingNode()) {
      return accepted;
    }
    if (!list.isArray()) {
      throw new UsageException("not an accepted-breaks list: " + file + " must be a YAML list");
    }
    for (JsonNode entry : list) {
      for (String field : List.of("base", "rule", "location", "reason")) {
        if (!entry.path(field).isValueNode() || entry.path(field).asText().isBlank()) {
          throw new UsageException("not an accepted-breaks list: an entry of " + file + " has no '" + field + "'");
        }
      }
      accepted.add(new AcceptedBreak(entry.get("base").asText(), entry.get("rule").asText(),
          entry.get("location").asText(), entry.get("reason").asText()));
    }
    return accepted;
  }

  boolean matches(String baseVersion, Change change) {
    return base.equals(baseVersion) && rule.equals(change.rule()) && location.equals(change.location())
        && change.severity() == Severity.BREAKING;
  }
}
