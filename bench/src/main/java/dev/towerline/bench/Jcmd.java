package dev.towerline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's jcmd against the server: a full GC, then the heap in use after it. */
final class Jcmd {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private Jcmd() {}

  /** Runs {@code GC.run} and answers the heap used after it, in KiB, from {@code GC.heap_info}. */
  static long heapUsedAfterGcKib(long pid) {
    run(pid, "GC.run");
    return heapUsedKib(run(pid, "GC.heap_info"));
  }

  /** The first "used NNNK" of {@code GC.heap_info}: the whole heap's (G1 and Serial print it first). */
  static long heapUsedKib(String heapInfo) {
    Matcher matcher = USED.matcher(heapInfo);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no heap figure in jcmd's answer: " + heapInfo);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static String run(long pid, String command) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
