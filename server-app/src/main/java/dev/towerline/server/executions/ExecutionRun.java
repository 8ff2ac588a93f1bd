package dev.towerline.server.executions;

import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.CancellationSignal;
import dev.towerline.server.adb.ShellOptions;
import dev.towerline.server.adb.ShellResult;
import dev.towerline.server.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution's run: queued → running in the store, the device marked busy, the command through
 * the resilient gateway with its time limit and a {@link CancellationSignal}, output recorded in
 * batches, then the final status. A run is started once, on a worker thread of the scheduler.
 */
final class ExecutionRun {
  private static final Logger log = LoggerFactory.getLogger(ExecutionRun.class);
  /** How often a final write is retried while the database is down. */
  private static final Duration STORE_RETRY = Duration.ofSeconds(1);

  /** How {@link #run()} ended, for the scheduler. */
  enum Result {
    /** Ran (or found cancelled) and is final in the store, or the server is stopping. */
    DONE,
    /** Could not be marked running because the database is down; try again later. */
    RETRY_LATER
  }

  /** What a run needs, shared by all runs. */
  record Context(
      ExecutionStore store,
      AdbGateway gateway,
      DeviceOccupancy occupancy,
      ExecutionEvents events,
      ExecutionConfig config,
      Clock clock,
      ScheduledExecutorService flusher) {}

  private final ExecutionRecord queued;
  private final Context context;
  private final CancellationSignal signal = new CancellationSignal();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile ShellOutcomes.StopReason stopReason;

  ExecutionRun(ExecutionRecord queued, Context context) {
    this.queued = queued;
    this.context = context;
  }

  String id() {
    return queued.id();
  }

  String serial() {
    return queued.deviceSerial();
  }

  /** Stops the command on the device (closing its connection); the run then ends as {@code reason} says. */
  void stop(ShellOutcomes.StopReason reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    signal.cancel();
  }

  /** Waits until the run wrote its final status. */
  boolean awaitDone(Duration wait) {
    try {
      return done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Result run() {
    try {
      Optional<ExecutionRecord> running;
      try {
        running = context.store().update(id(), r -> r.status() == ExecutionStatus.QUEUED ? r.started(StoredTime.now(context.clock())) : r);
      } catch (ApiException e) {
        log.info("Execution {} cannot start yet: {}", id(), e.getMessage());
        return Result.RETRY_LATER;
      }
      if (running.isEmpty() || running.get().status() != ExecutionStatus.RUNNING) {
        // Cancelled (or gone) while it waited for its turn.
        return Result.DONE;
      }
      context.events().changed(queued, running.get());
      context.occupancy().busy(serial(), id());
      try {
        execute(running.get());
      } finally {
        context.occupancy().idle(serial());
      }
      return Result.DONE;
    } finally {
      done.countDown();
    }
  }

  private void execute(ExecutionRecord running) {
    OutputRecorder recorder = new OutputRecorder(id(), serial(), context.store(), context.config().outputLimitBytes(), context.events());
    long every = context.config().outputFlush().toMillis();
    ScheduledFuture<?> flushing =
        context.flusher().scheduleWithFixedDelay(recorder::flush, every, every, TimeUnit.MILLISECONDS);
    ShellOutcomes.Outcome outcome;
    try {
      if (stopReason != null) {
        outcome = ShellOutcomes.stopped(stopReason);
      } else {
        ShellOptions options =
            ShellOptions.builder().timeout(Duration.ofSeconds(running.timeoutSeconds())).cancellation(signal).build();
        ShellResult result = context.gateway().shell(serial(), running.command(), options, recorder);
        outcome = ShellOutcomes.of(result, running.timeoutSeconds(), stopReason);
      }
    } catch (AdbException e) {
      outcome = ShellOutcomes.of(e);
    } catch (RuntimeException e) {
      log.error("Execution {} failed unexpectedly", id(), e);
      outcome = ShellOutcomes.of(new dev.towerline.server.adb.AdbCommandFailedException(
          "unexpected failure while running the command", "shell", serial(), false, true, e));
    } finally {
      flushing.cancel(false);
    }
    finish(recorder, outcome);
  }

  /** Writes the last output and the final status, retrying while the database is down. */
  private void finish(OutputRecorder recorder, ShellOutcomes.Outcome outcome) {
    while (true) {
      try {
        if (recorder.flush()) {
          ExecutionStore.OutputProgress progress = recorder.progress();
          ExecutionRecord[] before = new ExecutionRecord[1];
          Optional<ExecutionRecord> after =
              context.store().update(id(), r -> {
                before[0] = r;
                if (r.status() != ExecutionStatus.RUNNING) {
                  return r;  // Abandoned by a cancel that could not wait: that outcome stands.
                }
                return r.withOutput(progress.outputBytes(), progress.truncated(), progress.availableFrom())
                    .finished(outcome.status(), outcome.exitCode(), outcome.error(), StoredTime.now(context.clock()));
              });
          after.ifPresent(a -> context.events().changed(before[0], a));
          return;
        }
      } catch (ApiException e) {
        log.info("Final status of execution {} waits for the database: {}", id(), e.getMessage());
      }
      if (stopReason == ShellOutcomes.StopReason.SERVER_STOP || !sleep(STORE_RETRY)) {
        // The server is stopping: the next start marks it interrupted.
        return;
      }
    }
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
