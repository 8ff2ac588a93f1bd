package dev.towerline.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an idle server give back the heap a burst of load made the JVM commit. G1 keeps what it grew
 * to unless a collection runs while the server is idle and the free share of the heap is bounded;
 * both are JVM flags that can be changed at run time, so the jar sets them itself at start, unless
 * the operator chose a value on the command line. It also says at start when no heap limit was
 * given, because nothing else bounds what the JVM may take under load.
 */
final class HeapErgonomics {
  static final String PERIODIC_GC = "G1PeriodicGCInterval";
  static final String MIN_FREE = "MinHeapFreeRatio";
  static final String MAX_FREE = "MaxHeapFreeRatio";
  /** An idle server runs a concurrent cycle this often, which uncommits the heap it does not need. */
  static final String PERIODIC_GC_MILLIS = "10000";
  /** Keep at most this share of the committed heap free after a cycle… */
  static final String MAX_FREE_PERCENT = "30";
  /** …and at least this share, so a busy server does not shrink and grow on every cycle. */
  static final String MIN_FREE_PERCENT = "10";

  private static final Logger log = LoggerFactory.getLogger(HeapErgonomics.class);

  private final HotSpotDiagnosticMXBean vm;
  private final boolean g1;

  HeapErgonomics(HotSpotDiagnosticMXBean vm, boolean g1) {
    this.vm = vm;
    this.g1 = g1;
  }

  /** For the running JVM. */
  static HeapErgonomics ofThisJvm() {
    boolean g1 =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .anyMatch(name -> name.startsWith("G1 "));
    return new HeapErgonomics(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class), g1);
  }

  /** Applies the defaults this JVM lacks, logs what it did; never fails the start. */
  void apply() {
    try {
      List<String> applied = applyDefaults();
      if (!applied.isEmpty()) {
        log.info("Heap: an idle server returns unused heap to the system ({})", String.join(", ", applied));
      }
      if (!heapLimitChosen()) {
        log.warn(
            "No heap limit was given (-Xmx): under load the JVM may grow the heap up to {} MB."
                + " The README runs the server with -Xmx256m.",
            Long.parseLong(vm.getVMOption("MaxHeapSize").getValue()) / (1024 * 1024));
      }
    } catch (RuntimeException e) { // A JVM without these flags still serves.
      log.debug("Heap ergonomics not applied: {}", e.toString());
    }
  }

  /** Sets each flag the operator left at its default; returns them as {@code name=value}. */
  List<String> applyDefaults() {
    List<String> applied = new ArrayList<>();
    if (!g1) {
      return applied;
    }
    // Lower the minimum first: the JVM refuses a maximum below the current minimum.
    if (leftAtDefault(MAX_FREE) && leftAtDefault(MIN_FREE)) {
      set(MIN_FREE, MIN_FREE_PERCENT, applied);
      set(MAX_FREE, MAX_FREE_PERCENT, applied);
    }
    if (leftAtDefault(PERIODIC_GC)) {
      set(PERIODIC_GC, PERIODIC_GC_MILLIS, applied);
    }
    return applied;
  }

  boolean heapLimitChosen() {
    return !leftAtDefault("MaxHeapSize") || !leftAtDefault("MaxRAMPercentage") || !leftAtDefault("MaxRAM");
  }

  private boolean leftAtDefault(String flag) {
    return option(flag)
        .map(o -> o.getOrigin() == VMOption.Origin.DEFAULT || o.getOrigin() == VMOption.Origin.ERGONOMIC)
        .orElse(false);
  }

  private Optional<VMOption> option(String flag) {
    try {
      return Optional.of(vm.getVMOption(flag));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void set(String flag, String value, List<String> applied) {
    vm.setVMOption(flag, value);
    applied.add(flag + "=" + value);
  }
}
