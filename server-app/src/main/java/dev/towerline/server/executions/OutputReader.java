package dev.towerline.server.executions;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Reads a byte range of stored output without splitting a character. An offset inside a character
 * moves to the next one; a limit smaller than the character at the offset still returns that one
 * character, so a reader always makes progress.
 */
final class OutputReader {
  private final ExecutionStore store;

  OutputReader(ExecutionStore store) {
    this.store = store;
  }

  OutputSlice read(ExecutionRecord execution, long requested, int limit) {
    long end = execution.outputBytes();
    long start = Math.min(Math.max(requested, execution.availableFrom()), end);
    if (start >= end) {
      return slice(execution, start, start, "");
    }
    List<OutputChunk> chunks = store.readOutput(execution.id(), start, limit);
    if (chunks.isEmpty()) {
      return slice(execution, start, start, "");
    }
    // Chunks dropped since the execution row was read: start at the oldest one still there.
    long base = chunks.get(0).offset();
    start = Math.max(start, base);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (OutputChunk chunk : chunks) {
      joined.writeBytes(Utf8.encode(chunk.data()));
    }
    byte[] bytes = joined.toByteArray();
    int available = (int) Math.min(bytes.length, end - base);
    int from = Utf8.boundaryAtOrAfter(bytes, (int) (start - base));
    int to = Utf8.boundaryAtOrBefore(bytes, (int) Math.min(available, (long) from + limit));
    if (to <= from && from < available) {
      to = Utf8.boundaryAtOrAfter(bytes, from + 1);
    }
    to = Math.max(from, Math.min(to, available));
    return slice(execution, base + from, base + to, Utf8.decode(bytes, from, to));
  }

  private static OutputSlice slice(ExecutionRecord execution, long offset, long next, String data) {
    boolean complete = execution.isFinished() && next >= execution.outputBytes();
    return new OutputSlice(execution.id(), execution.status(), offset, next, execution.availableFrom(), data, complete);
  }
}
