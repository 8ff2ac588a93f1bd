package dev.towerline.server.adb.internal;

import java.io.IOException;
import java.util.OptionalInt;

/** Reads a running shell command's stream, forwarding output as it arrives. */
public interface ShellStreamReader {

  /**
   * Reads until the command's end.
   *
   * @return its exit status, when the stream carries one
   * @throws IOException when the stream broke, timed out or was closed before the end
   */
  OptionalInt readToEnd(AdbSocket socket) throws IOException;

  /** Forwards output still held back, after the stream broke. */
  void flushHeld();
}
