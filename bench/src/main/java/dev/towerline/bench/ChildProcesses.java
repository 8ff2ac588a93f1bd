package dev.towerline.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Every process the bench started, stopped at the end, on failure and on Ctrl-C (a shutdown hook). */
final class ChildProcesses {
  private final List<Process> processes = new CopyOnWriteArrayList<>();

  ChildProcesses() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bench-stop-children"));
  }

  Process track(Process process) {
    processes.add(process);
    return process;
  }

  void forget(Process process) {
    processes.remove(process);
  }

  void stopAll() {
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }
}
