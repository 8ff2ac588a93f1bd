package dev.towerline.server.executions;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one request per {@code Idempotency-Key} create at a time in this server, so duplicates that
 * arrive together wait for the first and then replay its result instead of racing it. The
 * database's unique constraint stays the guarantee (across instances too); this only turns most
 * 409s into replays.
 */
final class IdempotencyGate {
  private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();

  /** A held key; closing it lets the next request with the key in. */
  interface Pass extends AutoCloseable {
    @Override
    void close();
  }

  /** @return empty when another request kept the key for longer than {@code wait} */
  java.util.Optional<Pass> enter(String key, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      CountDownLatch mine = new CountDownLatch(1);
      CountDownLatch other = inFlight.putIfAbsent(key, mine);
      if (other == null) {
        return java.util.Optional.of(() -> {
          inFlight.remove(key, mine);
          mine.countDown();
        });
      }
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !other.await(left, TimeUnit.NANOSECONDS)) {
          return java.util.Optional.empty();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return java.util.Optional.empty();
      }
    }
  }
}
