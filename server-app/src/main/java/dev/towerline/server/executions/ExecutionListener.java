package dev.towerline.server.executions;

/**
 * Told about every execution status change and every piece of output written to the store. Called
 * on the execution's own threads: implementations must return at once (queue, never block).
 */
public interface ExecutionListener {
  /** The execution entered a new status ({@code after} is its new state). */
  void changed(ExecutionRecord after);

  /** Output of {@code executionId} at byte {@code offset}, as written to the store. */
  void output(String executionId, String deviceSerial, long offset, String data);
}
