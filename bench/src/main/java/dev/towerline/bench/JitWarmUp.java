package dev.towerline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Repeats a warm-up round until the JIT compilers of the JVMs that serve and measure have gone
 * quiet: a freshly started server on 2 cores compiles for tens of seconds of CPU, and a cell
 * measured meanwhile times the compiler (a create went from 126/s to 850/s as it settled), not
 * the code. Quiet means the compiler threads of every watched JVM together used at most
 * {@value #QUIET_SHARE_OF_A_CORE} of one core over the last round.
 */
final class JitWarmUp {
  static final double QUIET_SHARE_OF_A_CORE = 0.05;
  static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

  /** How the warm-up ended: rounds run, seconds spent, and the compilers' share of a core in the last round. */
  record Outcome(int rounds, double seconds, double lastCompilerShare, boolean quiet) {
    Map<String, Object> values() {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("warmup_rounds", rounds);
      values.put("warmup_seconds", seconds);
      values.put("warmup_compiler_share", lastCompilerShare);
      values.put("warmup_quiet", quiet);
      values.put("warmup_description", describe());
      return values;
    }

    String describe() {
      return String.format(Locale.ROOT, "%d round%s, %.0f s, compilers %.1f %% of a core in the last round%s", rounds,
          rounds == 1 ? "" : "s", seconds, lastCompilerShare * 100, quiet ? "" : " (still compiling at the time limit)");
    }
  }

  private final DoubleSupplier compilerSeconds;
  private final double maxSeconds;

  /** Watches the compiler threads of the JVMs {@code pids}; gives up after {@code maxSeconds} of rounds. */
  JitWarmUp(List<Long> pids, double maxSeconds) {
    this(() -> pids.stream().mapToDouble(pid -> ProcStat.threadCpuSeconds(pid, COMPILER_THREADS)).sum(), maxSeconds);
  }

  /** Watches {@code compilerSeconds}, the CPU seconds the compilers have used so far. */
  JitWarmUp(DoubleSupplier compilerSeconds, double maxSeconds) {
    this.compilerSeconds = compilerSeconds;
    this.maxSeconds = maxSeconds;
  }

  Outcome run(Runnable round) {
    long start = System.nanoTime();
    int rounds = 0;
    double share;
    boolean quiet;
    do {
      double compilersBefore = compilerSeconds.getAsDouble();
      long roundStart = System.nanoTime();
      round.run();
      rounds++;
      double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
      share = (compilerSeconds.getAsDouble() - compilersBefore) / roundSeconds;
      quiet = share <= QUIET_SHARE_OF_A_CORE;
    } while (!quiet && (System.nanoTime() - start) / 1e9 < maxSeconds);
    return new Outcome(rounds, (System.nanoTime() - start) / 1e9, share, quiet);
  }

}
