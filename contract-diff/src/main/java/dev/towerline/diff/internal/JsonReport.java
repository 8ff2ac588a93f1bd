package dev.towerline.diff.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.towerline.diff.Change;
import dev.towerline.diff.DiffReport;
import dev.towerline.diff.Severity;
import java.util.List;

/** The report as JSON, for tools: verdict, versions, counts, violations and changes with snake_case fields. */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(DiffReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("base").put("label", report.baseLabel()).put("version", report.baseVersion());
    root.putObject("candidate").put("label", report.candidateLabel()).put("version", report.candidateVersion());
    root.putObject("verdict")
        .put("passed", report.passed())
        .put("exit_code", report.exitCode())
        .put("summary", report.verdict())
        .put("required_bump", report.requiredBump().label())
        .put("made_bump", report.madeBump().label())
        .put("breaking_accepted", report.breakingAccepted());
    ObjectNode counts = root.putObject("counts");
    for (Severity severity : Severity.values()) {
      counts.put(severity.label(), report.count(severity));
    }
    counts.put("accepted", report.accepted().size());
    changes(root.putArray("violations"), report.violations());
    changes(root.putArray("changes"), report.changes());
    changes(root.putArray("accepted"), report.accepted());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON report", e);
    }
  }

  private static void changes(ArrayNode array, List<Change> changes) {
    for (Change c : changes) {
      ObjectNode node = array.addObject()
          .put("severity", c.severity().label())
          .put("rule", c.rule())
          .put("location", c.location())
          .put("where", c.where())
          .put("reason", c.reason());
      ArrayNode also = node.putArray("also_via");
      c.alsoVia().forEach(also::add);
    }
  }
}
