package dev.towerline.diff.internal;

import dev.towerline.diff.Change;
import dev.towerline.diff.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects changes. One element of a shared schema file reached from several operations or
 * frames is one change, listing every operation or frame that reaches it.
 */
public final class ChangeLog {
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private static final class Entry {
    final Severity severity;
    final String rule;
    final String location;
    final String where;
    final String reason;
    final List<String> alsoVia = new ArrayList<>();

    Entry(Severity severity, String rule, String location, String where, String reason) {
      this.severity = severity;
      this.rule = rule;
      this.location = location;
      this.where = where;
      this.reason = reason;
    }
  }

  public void add(Severity severity, String rule, String location, String where, String reason) {
    String key = rule + "|" + location + "|" + severity + "|" + reason;
    Entry existing = entries.get(key);
    if (existing == null) {
      entries.put(key, new Entry(severity, rule, location, where, reason));
    } else if (!existing.where.equals(where) && !existing.alsoVia.contains(where)) {
      existing.alsoVia.add(where);
    }
  }

  public void add(Severity severity, String rule, Located at, String where, String reason) {
    add(severity, rule, at.address(), where, reason);
  }

  public List<Change> changes() {
    List<Change> all = new ArrayList<>();
    for (Entry e : entries.values()) {
      all.add(new Change(e.severity, e.rule, e.location, e.where, e.reason, e.alsoVia));
    }
    all.sort(java.util.Comparator.comparing(Change::severity));
    return all;
  }
}
