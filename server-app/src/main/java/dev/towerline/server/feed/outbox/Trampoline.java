package dev.towerline.server.feed.outbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs tasks that a task starts on the same thread after it returns instead of inside it. A
 * transport may complete a send before {@code send} returns; without this, every queued frame
 * would add a stack frame (send → done → send → …).
 */
final class Trampoline {
  private static final ThreadLocal<Deque<Runnable>> PENDING = new ThreadLocal<>();

  private Trampoline() {}

  static void run(Runnable task) {
    Deque<Runnable> pending = PENDING.get();
    if (pending != null) {
      pending.add(task);
      return;
    }
    pending = new ArrayDeque<>();
    PENDING.set(pending);
    try {
      for (Runnable next = task; next != null; next = pending.poll()) {
        next.run();
      }
    } finally {
      PENDING.remove();
    }
  }
}
