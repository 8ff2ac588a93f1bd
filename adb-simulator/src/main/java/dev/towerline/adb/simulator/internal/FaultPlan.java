package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.Faults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The faults currently injected; consulted by every connection before it answers. */
public final class FaultPlan implements Faults {
  /** What to do with the next command. */
  enum Verdict {
    PROCEED,
    FAIL,
    DISCONNECT
  }

  /** The fate of one command: a verdict, and the reason a {@code FAIL} gives. */
  record Decision(Verdict verdict, String failureReason) {
    static final Decision PROCEED = new Decision(Verdict.PROCEED, null);
    static final Decision DISCONNECT = new Decision(Verdict.DISCONNECT, null);
    static final Decision FAIL_CLOSED = new Decision(Verdict.FAIL, Faults.FAILURE_MESSAGE);
  }

  /** Failures still to inject on one device, all with the same reason. */
  private record PendingFailures(int count, String reason) {}

  private final Clock clock;
  private final DeviceRegistry registry;
  private final AtomicInteger failAny = new AtomicInteger();
  private final AtomicInteger disconnectAny = new AtomicInteger();
  private final ConcurrentMap<String, PendingFailures> failBySerial = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> disconnectBySerial = new ConcurrentHashMap<>();
  /** Null when not hanging. */
  private final AtomicReference<Instant> hangUntil = new AtomicReference<>();

  public FaultPlan(Clock clock, DeviceRegistry registry) {
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public void failNextCommands(int count) {
    failAny.set(checkCount(count));
  }

  @Override
  public void failNextCommands(String serial, int count) {
    failNextCommands(serial, count, Faults.FAILURE_MESSAGE);
  }

  @Override
  public void failNextCommands(String serial, int count, String reason) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(reason, "reason");
    if (checkCount(count) == 0) {
      failBySerial.remove(serial);
    } else {
      failBySerial.put(serial, new PendingFailures(count, reason));
    }
  }

  @Override
  public int commandsReceived(String serial) {
    AtomicInteger count = received.get(Objects.requireNonNull(serial, "serial"));
    return count == null ? 0 : count.get();
  }

  @Override
  public void disconnectNextCommands(int count) {
    disconnectAny.set(checkCount(count));
  }

  @Override
  public void disconnectNextCommands(String serial, int count) {
    setFor(disconnectBySerial, serial, count);
  }

  @Override
  public void hang(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("hang duration must be positive: " + duration);
    }
    hangUntil.set(clock.instant().plus(duration));
  }

  @Override
  public void clearHang() {
    hangUntil.set(null);
  }

  @Override
  public boolean hanging() {
    Instant until = hangUntil.get();
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    hangUntil.compareAndSet(until, null);
    return false;
  }

  @Override
  public void takeOffline(String serial) {
    registry.setState(serial, DeviceState.OFFLINE);
  }

  @Override
  public void bringOnline(String serial) {
    registry.setState(serial, DeviceState.DEVICE);
  }

  @Override
  public void revokeAuthorization(String serial) {
    registry.setState(serial, DeviceState.UNAUTHORIZED);
  }

  @Override
  public void clear() {
    failAny.set(0);
    disconnectAny.set(0);
    failBySerial.clear();
    disconnectBySerial.clear();
    clearHang();
  }

  /** Counts one command on this device and decides its fate, using up one pending fault if any. */
  Decision nextCommand(String serial) {
    received.computeIfAbsent(serial, s -> new AtomicInteger()).incrementAndGet();
    // Device-specific faults first: a test that aims at one device expects exactly that device.
    if (takeOne(disconnectBySerial, serial)) {
      return Decision.DISCONNECT;
    }
    String reason = takeFailure(serial);
    if (reason != null) {
      return new Decision(Verdict.FAIL, reason);
    }
    if (takeOne(disconnectAny)) {
      return Decision.DISCONNECT;
    }
    if (takeOne(failAny)) {
      return Decision.FAIL_CLOSED;
    }
    return Decision.PROCEED;
  }

  /** Uses up one pending failure of this device; its reason, or null when none is pending. */
  private String takeFailure(String serial) {
    String[] reason = {null};
    failBySerial.computeIfPresent(
        serial,
        (key, pending) -> {
          reason[0] = pending.reason();
          return pending.count() > 1 ? new PendingFailures(pending.count() - 1, pending.reason()) : null;
        });
    return reason[0];
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private static boolean takeOne(ConcurrentMap<String, Integer> counters, String serial) {
    boolean[] taken = {false};
    counters.computeIfPresent(
        serial,
        (key, n) -> {
          taken[0] = true;
          return n > 1 ? n - 1 : null;
        });
    return taken[0];
  }

  private static void setFor(ConcurrentMap<String, Integer> counters, String serial, int count) {
    Objects.requireNonNull(serial, "serial");
    if (checkCount(count) == 0) {
      counters.remove(serial);
    } else {
      counters.put(serial, count);
    }
  }

  private static int checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return count;
  }
}
