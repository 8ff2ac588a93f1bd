package dev.towerline.server.edge.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One quota's token buckets, one per caller key. A bucket unused for a whole window is full again,
 * the same as a new one, so it is dropped; the number of keys kept is bounded, the least recently
 * used going first, so callers with ever new addresses cannot grow the server's memory.
 */
final class QuotaBuckets {

  /** How many takes pass between two sweeps of idle buckets. */
  private static final int SWEEP_EVERY = 4_096;
  /** Sweeps for going over the key limit are at least this far apart, so a flood of new keys cannot keep one running. */
  private static final long MIN_NANOS_BETWEEN_SWEEPS = 1_000_000_000L;

  private final String policy;
  private final RateLimit limit;
  private final TimeMeter time;
  private final int maxKeys;
  private final ConcurrentHashMap<String, Tracked> buckets = new ConcurrentHashMap<>();
  private final AtomicLong takes = new AtomicLong();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

  QuotaBuckets(String policy, RateLimit limit, TimeMeter time, int maxKeys) {
    this.policy = policy;
    this.limit = limit;
    this.time = time;
    this.maxKeys = maxKeys;
  }

  /** Takes one request from {@code key}'s quota. */
  Quota take(String key) {
    long now = time.currentTimeNanos();
    Tracked tracked = buckets.computeIfAbsent(key, unused -> new Tracked(newBucket(limit, time), new AtomicLong(now)));
    tracked.lastUsed().set(now);
    Quota quota = take(policy, limit, tracked.bucket());
    if (takes.incrementAndGet() % SWEEP_EVERY == 0 || (buckets.size() > maxKeys && sweepDue(now))) {
      sweep(now);
    }
    return quota;
  }

  int size() {
    return buckets.size();
  }

  static Bucket newBucket(RateLimit limit, TimeMeter time) {
    return Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.window()))
        .withCustomTimePrecision(time)
        .build();
  }

  static Quota take(String policy, RateLimit limit, Bucket bucket) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Quota(
        policy,
        limit,
        probe.isConsumed(),
        probe.getRemainingTokens(),
        Duration.ofNanos(probe.getNanosToWaitForRefill()),
        Duration.ofNanos(probe.getNanosToWaitForReset()));
  }

  private boolean sweepDue(long now) {
    long last = lastSweep.get();
    return (last == Long.MIN_VALUE || now - last >= MIN_NANOS_BETWEEN_SWEEPS) && lastSweep.compareAndSet(last, now);
  }

  private synchronized void sweep(long now) {
    long window = limit.window().toNanos();
    buckets.values().removeIf(tracked -> now - tracked.lastUsed().get() >= window);
    int excess = buckets.size() - maxKeys;
    if (excess > 0) {
      buckets.entrySet().stream()
          .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed().get()))
          .limit(excess)
          .map(java.util.Map.Entry::getKey)
          .toList()
          .forEach(buckets::remove);
    }
  }

  private record Tracked(Bucket bucket, AtomicLong lastUsed) {}
}
