package dev.towerline.server.executions;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Decides what runs when: a FIFO queue per device with at most one running execution per device,
 * and at most {@link ExecutionConfig#parallelism()} running in all. When a slot frees up, the
 * device whose next execution was queued first goes next, so a busy device cannot starve others.
 * A device's queue holds at most {@link ExecutionConfig#queueLimit()} executions; admission is
 * reserved before the execution is stored, so concurrent creates cannot overshoot it.
 *
 * <p>Meters: {@code towerline_executions_active{status="queued"|"running"}} and {@code
 * towerline_executions_queue_depth{serial}}.
 */
final class ExecutionScheduler implements AutoCloseable {
  /** What a client is told to wait when a device's queue is full. */
  static final Duration QUEUE_FULL_RETRY_AFTER = Duration.ofSeconds(5);
  /** How long a device waits before trying again when its next execution could not start. */
  private static final Duration START_RETRY = Duration.ofSeconds(1);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private record Entry(ExecutionRecord execution, long sequence) {}

  private static final class DeviceQueue {
    final Deque<Entry> queue = new ArrayDeque<>();
    ExecutionRun running;
    int reserved;
    long pausedUntilNanos;
  }

  private final Object lock = new Object();
  private final Map<String, DeviceQueue> devices = new HashMap<>();
  private final Map<String, ExecutionRun> runs = new HashMap<>();
  private final ExecutionConfig config;
  private final Function<ExecutionRecord, ExecutionRun> newRun;
  private final MeterRegistry meters;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private long sequence;
  private int running;
  private int queuedTotal;
  /** Counts the changes of {@link #queuedTotal}, which changes with every queue; written under the lock. */
  private volatile long queueChanges;
  private boolean closed;

  /** @param newRun makes the run of a queued execution */
  ExecutionScheduler(ExecutionConfig config, Function<ExecutionRecord, ExecutionRun> newRun, MeterRegistry meters) {
    this.config = config;
    this.newRun = newRun;
    this.meters = meters;
    String prefix = "towerline-executions-" + INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(task -> daemon(task, prefix + "-run-" + threads.incrementAndGet()));
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, prefix + "-timer"));
    Gauge.builder("towerline.executions.active", this, s -> s.queuedTotal())
        .description("Executions queued or running in this server")
        .tag("status", "queued")
        .register(meters);
    Gauge.builder("towerline.executions.active", this, s -> s.runningTotal())
        .description("Executions queued or running in this server")
        .tag("status", "running")
        .register(meters);
  }

  /**
   * Holds a place in {@code serial}'s queue for an execution about to be stored.
   *
   * @throws ApiException QUEUE_FULL when the device's queue is at its limit
   */
  void reserve(String serial) {
    synchronized (lock) {
      DeviceQueue device = device(serial);
      if (device.queue.size() + device.reserved >= config.queueLimit()) {
        throw new ApiException(
            ErrorCode.QUEUE_FULL,
            "Device " + serial + " already has " + config.queueLimit() + " queued executions",
            Map.of("serial", serial, "limit", config.queueLimit()),
            QUEUE_FULL_RETRY_AFTER,
            null);
      }
      device.reserved++;
    }
  }

  /** Gives back a reservation whose execution was not stored. */
  void release(String serial) {
    synchronized (lock) {
      DeviceQueue device = device(serial);
      device.reserved = Math.max(0, device.reserved - 1);
    }
  }

  /** Queues a stored execution in the place reserved for it and starts what can start. */
  void submit(ExecutionRecord execution) {
    List<Runnable> starts;
    synchronized (lock) {
      DeviceQueue device = device(execution.deviceSerial());
      device.reserved = Math.max(0, device.reserved - 1);
      starts = enqueue(execution);
    }
    launch(starts);
  }

  /** Queues again, at the end, an execution taken out by {@link #dequeue} that must still run. */
  void requeue(ExecutionRecord execution) {
    List<Runnable> starts;
    synchronized (lock) {
      starts = enqueue(execution);
    }
    launch(starts);
  }

  // Callers hold the lock.
  private List<Runnable> enqueue(ExecutionRecord execution) {
    device(execution.deviceSerial()).queue.addLast(new Entry(execution, ++sequence));
    addQueued(+1);
    return dispatch();
  }

  /** Takes a queued execution out of its queue; false when it is not queued here (any more). */
  boolean dequeue(String id, String serial) {
    synchronized (lock) {
      DeviceQueue device = devices.get(serial);
      if (device != null && device.queue.removeIf(entry -> entry.execution().id().equals(id))) {
        addQueued(-1);
        return true;
      }
      return false;
    }
  }

  /** The executions waiting in {@code serial}'s queue, first in line first. */
  List<ExecutionRecord> queuedOn(String serial) {
    synchronized (lock) {
      DeviceQueue device = devices.get(serial);
      return device == null ? List.of() : device.queue.stream().map(Entry::execution).toList();
    }
  }

  Optional<ExecutionRun> running(String id) {
    synchronized (lock) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  /** Executions waiting in {@code serial}'s queue (the running one excluded). */
  int queued(String serial) {
    synchronized (lock) {
      DeviceQueue device = devices.get(serial);
      return device == null ? 0 : device.queue.size();
    }
  }

  /** {@link #queued} of every device with a queue, read at once under one lock. */
  Map<String, Integer> queuedBySerial() {
    synchronized (lock) {
      Map<String, Integer> queued = new HashMap<>(devices.size() * 2);
      devices.forEach((serial, device) -> queued.put(serial, device.queue.size()));
      return queued;
    }
  }

  /**
   * A number that changes whenever a queue does, read without the lock: read it before {@link
   * #queuedBySerial} and an unchanged number means unchanged queues.
   */
  long queueVersion() {
    return queueChanges;
  }

  /** Executions waiting in the queues and running now, read together. */
  ExecutionService.ActiveCounts activeCounts() {
    synchronized (lock) {
      return new ExecutionService.ActiveCounts(queuedTotal, running);
    }
  }

  int queuedTotal() {
    synchronized (lock) {
      return queuedTotal;
    }
  }

  int runningTotal() {
    synchronized (lock) {
      return running;
    }
  }

  /**
   * Stops taking work: empties the queues and stops running commands as interrupted.
   *
   * @return the executions that were still queued, for the caller to mark interrupted
   */
  List<ExecutionRecord> stop(Duration wait) {
    List<ExecutionRecord> queued = new ArrayList<>();
    List<ExecutionRun> active;
    synchronized (lock) {
      closed = true;
      devices.values().forEach(device -> {
        device.queue.forEach(entry -> queued.add(entry.execution()));
        device.queue.clear();
      });
      addQueued(-queuedTotal);
      active = new ArrayList<>(runs.values());
    }
    active.forEach(run -> run.stop(ShellOutcomes.StopReason.SERVER_STOP));
    long deadline = System.nanoTime() + wait.toNanos();
    for (ExecutionRun run : active) {
      run.awaitDone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    return queued;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  // Callers hold the lock.
  private DeviceQueue device(String serial) {
    return devices.computeIfAbsent(serial, s -> {
      Gauge.builder("towerline.executions.queue.depth", this, scheduler -> scheduler.queued(s))
          .description("Executions waiting in a device's queue")
          .tag("serial", s)
          .register(meters);
      return new DeviceQueue();
    });
  }

  /**
   * Takes what can start now off the queues; callers hold the lock and hand the result to {@link
   * #launch} once they released it.
   */
  private List<Runnable> dispatch() {
    List<Runnable> starts = new ArrayList<>(0);
    long now = System.nanoTime();
    while (!closed && running < config.parallelism()) {
      String next = null;
      long first = Long.MAX_VALUE;
      for (Map.Entry<String, DeviceQueue> candidate : devices.entrySet()) {
        DeviceQueue device = candidate.getValue();
        if (device.running == null && !device.queue.isEmpty() && device.pausedUntilNanos - now <= 0
            && device.queue.peekFirst().sequence() < first) {
          first = device.queue.peekFirst().sequence();
          next = candidate.getKey();
        }
      }
      if (next == null) {
        break;
      }
      starts.add(start(next, devices.get(next)));
    }
    return starts;
  }

  // Handing a run to a worker wakes (or makes) a thread: done under the lock, the woken thread could
  // preempt the holder on a busy machine while creates wait for the lock.
  private void launch(List<Runnable> starts) {
    starts.forEach(workers::execute);
  }

  // Callers hold the lock.
  private void addQueued(int change) {
    queuedTotal += change;
    queueChanges++;
  }

  // Callers hold the lock.
  private Runnable start(String serial, DeviceQueue device) {
    Entry entry = device.queue.pollFirst();
    addQueued(-1);
    ExecutionRun run = newRun.apply(entry.execution());
    device.running = run;
    runs.put(run.id(), run);
    running++;
    return () -> {
      ExecutionRun.Result result = ExecutionRun.Result.DONE;
      try {
        result = run.run();
      } finally {
        finished(serial, entry, result);
      }
    };
  }

  private void finished(String serial, Entry entry, ExecutionRun.Result result) {
    List<Runnable> starts;
    synchronized (lock) {
      DeviceQueue device = devices.get(serial);
      device.running = null;
      runs.remove(entry.execution().id());
      running--;
      if (result == ExecutionRun.Result.RETRY_LATER && !closed) {
        // First in line again, once the database is back.
        device.queue.addFirst(entry);
        addQueued(+1);
        device.pausedUntilNanos = System.nanoTime() + START_RETRY.toNanos();
        timer.schedule(this::dispatchLater, START_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      }
      starts = dispatch();
    }
    launch(starts);
  }

  private void dispatchLater() {
    List<Runnable> starts;
    synchronized (lock) {
      starts = dispatch();
    }
    launch(starts);
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
