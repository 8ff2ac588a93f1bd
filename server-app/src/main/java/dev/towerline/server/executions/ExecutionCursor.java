package dev.towerline.server.executions;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in a listing: the last execution of a page by ({@code created_at}, {@code id}). Both
 * never change, so keyset paging shows every execution that existed at the start exactly once.
 */
public record ExecutionCursor(Instant createdAt, String id) {
  public ExecutionCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  static ExecutionCursor after(ExecutionRecord execution) {
    return new ExecutionCursor(execution.createdAt(), execution.id());
  }
}
