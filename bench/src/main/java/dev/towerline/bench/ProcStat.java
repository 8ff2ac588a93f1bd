package dev.towerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of a process, from Linux's /proc. */
final class ProcStat {
  /** USER_HZ: /proc's clock ticks per second on Linux. */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcStat() {}

  /** utime + stime of a running process, in seconds. */
  static double cpuSeconds(long pid) {
    return cpuSecondsOf(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** utime + stime of the threads of a running process whose name starts with one of {@code prefixes}, in seconds. */
  static double threadCpuSeconds(long pid, List<String> prefixes) {
    double seconds = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          if (prefixes.stream().anyMatch(name::startsWith)) {
            seconds += cpuSecondsOf(task.resolve("stat"));
          }
        } catch (IOException | UncheckedIOException threadEnded) {
          // The thread ended between listing and reading: its time is no longer counted anywhere.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seconds;
  }

  private static double cpuSecondsOf(Path stat) {
    String[] fields = fieldsAfterName(read(stat));
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /** cutime + cstime (children waited for) of a {@code /proc/<pid>/stat} line, in seconds. */
  static double childrenCpuSeconds(String statLine) {
    String[] fields = fieldsAfterName(statLine.trim());
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
  }

  /** VmRSS of a running process, in KiB. */
  static long rssKib(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  /** The fields after "pid (name)"; the name may contain spaces and parentheses. */
  private static String[] fieldsAfterName(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
