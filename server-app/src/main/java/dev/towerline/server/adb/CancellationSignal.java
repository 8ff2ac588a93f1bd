package dev.towerline.server.adb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets another thread stop a running shell command: {@link #cancel()} closes the command's
 * connection, which stops the command on the device, and the shell call returns {@link
 * ShellResult.Outcome#CANCELLED}. Thread-safe; cancelling twice does nothing more.
 */
public final class CancellationSignal {

  private final List<Runnable> actions = new ArrayList<>();
  private boolean cancelled;

  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(actions);
      actions.clear();
    }
    toRun.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} once when {@link #cancel()} is called, or at once if it already was.
   *
   * @return a registration; closing it forgets the action
   */
  public Registration onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    synchronized (this) {
      if (!cancelled) {
        actions.add(action);
        return () -> {
          synchronized (CancellationSignal.this) {
            actions.remove(action);
          }
        };
      }
    }
    action.run();
    return () -> {};
  }

  /** Forgets a registered action; closing twice is harmless. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
