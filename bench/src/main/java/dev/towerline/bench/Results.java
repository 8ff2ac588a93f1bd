package dev.towerline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every figure of a run: one row per phase, item (what was measured, e.g. "list devices @ 50")
 * and column (jar label and store, e.g. "after/h2"), plus notes on how the run was made.
 */
final class Results {
  static final String REST = "rest";
  static final String FANOUT = "fanout";
  static final String STORM = "storm";
  static final String MEMORY = "memory";
  static final List<String> PHASES = List.of(REST, FANOUT, STORM, MEMORY);

  record Row(String phase, String item, String column, Map<String, Object> values) {
    double number(String key) {
      Object value = values.get(key);
      return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> run = new LinkedHashMap<>();

  static String column(String jarLabel, String store) {
    return jarLabel + "/" + store;
  }

  synchronized void add(String phase, String item, String column, Map<String, Object> values) {
    rows.add(new Row(phase, item, column, new LinkedHashMap<>(values)));
  }

  synchronized void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  synchronized void describeRun(String key, Object value) {
    run.put(key, value);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  synchronized List<Row> rows(String phase) {
    return rows.stream().filter(row -> row.phase().equals(phase)).toList();
  }

  synchronized Optional<Row> find(String phase, String item, String column) {
    return rows.stream()
        .filter(row -> row.phase().equals(phase) && row.item().equals(item) && row.column().equals(column))
        .findFirst();
  }

  /** The row of {@code phase} and {@code column} whose item ends with {@code itemSuffix}, whatever its size. */
  synchronized Optional<Row> findEnding(String phase, String itemSuffix, String column) {
    return rows.stream()
        .filter(row -> row.phase().equals(phase) && row.item().endsWith(itemSuffix) && row.column().equals(column))
        .findFirst();
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  synchronized Map<String, Object> run() {
    return new LinkedHashMap<>(run);
  }

  /** Columns in the order they first appear; with {@code phase} null, across all phases. */
  synchronized List<String> columns(String phase) {
    Set<String> columns = new LinkedHashSet<>();
    rows.stream().filter(row -> phase == null || row.phase().equals(phase)).forEach(row -> columns.add(row.column()));
    return List.copyOf(columns);
  }

  synchronized List<String> items(String phase) {
    Set<String> items = new LinkedHashSet<>();
    rows.stream().filter(row -> row.phase().equals(phase)).forEach(row -> items.add(row.item()));
    return List.copyOf(items);
  }
}
