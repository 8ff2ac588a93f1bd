package dev.towerline.server.feed.outbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs tasks that a task starts on the same thread after it returns instead of inside it. A
 * transport may complete a send before {@code send} returns; without this, every queued frame
 * would add a stack frame (send → done → send → …).
 */
final class Trampoline {
  /** One per thread, kept: a send per client per event must not allocate a queue each time. */
  private static final ThreadLocal<Trampoline> CURRENT = ThreadLocal.withInitial(Trampoline::new);

  private final Deque<Runnable> pending = new ArrayDeque<>();
  private boolean running;

  private Trampoline() {}

  static void run(Runnable task) {
    Trampoline trampoline = CURRENT.get();
    if (trampoline.running) {
      trampoline.pending.add(task);
      return;
    }
    trampoline.running = true;
    try {
      for (Runnable next = task; next != null; next = trampoline.pending.poll()) {
        next.run();
      }
    } finally {
      trampoline.pending.clear(); // Only when a task threw: the rest are dropped, as before.
      trampoline.running = false;
    }
  }
}
