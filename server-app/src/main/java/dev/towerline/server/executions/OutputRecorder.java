package dev.towerline.server.executions;

import dev.towerline.server.adb.OutputSink;
import dev.towerline.server.text.Utf8Length;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a running command's output and writes it to the store in batches ({@link #flush()},
 * called every {@link ExecutionConfig#outputFlush()} and at the end), never a row per read.
 *
 * <p>Keeps at most {@link ExecutionConfig#outputLimitBytes()} of output: once more was produced the
 * oldest chunks are dropped and {@code available_from} moves up, so the tail survives. Chunks are
 * cut at character boundaries and are never larger than the limit, so the retained tail stays
 * within one chunk of the limit. When the database is down the unwritten tail waits in memory
 * (bounded by the same limit) for the next flush.
 */
final class OutputRecorder implements OutputSink {
  private static final Logger log = LoggerFactory.getLogger(OutputRecorder.class);
  /** Rows of at most this size: big enough to make few rows, small enough to read a piece cheaply. */
  static final int MAX_CHUNK_BYTES = 64 * 1024;

  private record Span(long offset, int length) {}

  private final String executionId;
  private final ExecutionStore store;
  private final int limit;
  private final int chunkBytes;
  private final StringBuilder pending = new StringBuilder();
  private final Deque<Span> retained = new ArrayDeque<>();
  private int pendingBytes;
  private long retainedBytes;
  private long total;
  private long availableFrom;

  private final String deviceSerial;
  private final ExecutionEvents events;

  OutputRecorder(String executionId, ExecutionStore store, int limitBytes) {
    this(executionId, null, store, limitBytes, null);
  }

  /** Also tells {@code events} about every chunk once it is written. */
  OutputRecorder(String executionId, String deviceSerial, ExecutionStore store, int limitBytes, ExecutionEvents events) {
    this.executionId = executionId;
    this.deviceSerial = deviceSerial;
    this.events = events;
    this.store = store;
    this.limit = limitBytes;
    this.chunkBytes = Math.min(MAX_CHUNK_BYTES, limitBytes);
  }

  @Override
  public void stdout(String chunk) {
    append(chunk);
  }

  @Override
  public void stderr(String chunk) {
    append(chunk);
  }

  private synchronized void append(String chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    int bytes = Utf8Length.of(chunk);
    pending.append(chunk);
    pendingBytes += bytes;
    total += bytes;
    if (pendingBytes > limit) {
      pendingBytes -= Utf8.dropHead(pending, pendingBytes - limit);
    }
  }

  /** Bytes produced so far. */
  synchronized long total() {
    return total;
  }

  /**
   * Writes what arrived since the last flush.
   *
   * @return false when the store failed; the output then waits for the next flush
   */
  synchronized boolean flush() {
    if (pendingBytes == 0) {
      return true;
    }
    long pendingStart = total - pendingBytes;
    List<OutputChunk> fresh = Utf8.chunks(pending.toString(), pendingStart, chunkBytes);
    Deque<Span> kept = new ArrayDeque<>(retained);
    fresh.forEach(chunk -> kept.addLast(new Span(chunk.offset(), chunk.byteLength())));
    long keptBytes = retainedBytes + pendingBytes;
    while (keptBytes > limit) {
      keptBytes -= kept.removeFirst().length();
    }
    long from = kept.isEmpty() ? total : kept.peekFirst().offset();
    List<OutputChunk> toWrite = new ArrayList<>();
    for (OutputChunk chunk : fresh) {
      if (chunk.offset() >= from) {
        toWrite.add(chunk);
      }
    }
    try {
      store.appendOutput(executionId, new ExecutionStore.OutputProgress(total, from > 0, from), toWrite);
    } catch (RuntimeException e) {
      log.debug("Output of execution {} not written yet: {}", executionId, e.getMessage());
      return false;
    }
    if (events != null) {
      events.output(executionId, deviceSerial, toWrite);
    }
    retained.clear();
    retained.addAll(kept);
    retainedBytes = keptBytes;
    availableFrom = from;
    pending.setLength(0);
    pendingBytes = 0;
    return true;
  }

  /** Counters as of the last successful flush plus what is pending. */
  synchronized ExecutionStore.OutputProgress progress() {
    return new ExecutionStore.OutputProgress(total, availableFrom > 0, availableFrom);
  }
}
