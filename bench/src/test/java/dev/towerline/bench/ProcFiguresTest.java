package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ProcFiguresTest {
  @Test
  void childrenCpuIsCutimePlusCstimeEvenWhenTheNameHasSpacesAndParentheses() {
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime …; cutime 250 + cstime 70 ticks = 3.2 s.
    String stat = "4242 (sh (bench) x) S 1 4242 4242 0 -1 4194304 100 200 0 0 5 6 250 70 20 0 1 0 99 0 0\n";

    assertThat(ProcStat.childrenCpuSeconds(stat)).isEqualTo(3.2);
  }

  @Test
  void threadCpuCountsOnlyTheThreadsWithTheNamePrefix() throws InterruptedException {
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    Thread spinner = new Thread(() -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      while (threads.getCurrentThreadCpuTime() < 250_000_000L) {
        Thread.onSpinWait();
      }
      spun.countDown();
      try {
        measured.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "figures-spinner");
    spinner.start();
    spun.await();
    long self = ProcessHandle.current().pid();

    try {
      assertThat(ProcStat.threadCpuSeconds(self, List.of("figures-spin"))).isGreaterThanOrEqualTo(0.2);
      assertThat(ProcStat.threadCpuSeconds(self, List.of("no-such-thread"))).isZero();
    } finally {
      measured.countDown();
      spinner.join();
    }
  }

  @Test
  void heapInUseIsTheWholeHeapsFigureNotMetaspaces() {
    String heapInfo = """
        5843:
         garbage-first heap   total 262144K, used 26543K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 2 young (2048K), 0 survivors (0K)
         Metaspace       used 71234K, committed 71808K, reserved 1114112K
          class space    used 9000K, committed 9280K, reserved 1048576K
        """;

    assertThat(Jcmd.heapUsedKib(heapInfo)).isEqualTo(26543);
  }
}
