package dev.towerline.adb.simulator;

import java.io.IOException;
import java.time.Duration;

/**
 * What a {@link ShellCommand} sees of the shell running it: the device, its output streams, and a
 * sleep that ends early when the client goes away.
 *
 * <p>With shell v2 stdout and stderr travel separately; on the legacy {@code shell:} service they
 * are merged, as on a real device. Output is sent as UTF-8 straight away, so slow commands stream.
 */
public interface ShellSession {
  /** The device as it was when the command started. */
  VirtualDevice device();

  /** Writes to standard output. Throws if the client has closed its socket. */
  void out(String text) throws IOException;

  /** Writes to standard error. Throws if the client has closed its socket. */
  void err(String text) throws IOException;

  /**
   * Waits on the simulator's clock. Throws {@link java.io.InterruptedIOException} if the client
   * closes its socket, the device leaves the {@code device} state or the simulator stops first:
   * that is how a backend cancels a command, and the command must then stop.
   */
  void sleep(Duration duration) throws IOException;
}
