package dev.towerline.adb.simulator.internal;

import java.io.IOException;

/** Where a shell's output goes: the legacy raw stream or shell v2 packets. */
interface ShellSink {
  void stdout(byte[] data) throws IOException;

  void stderr(byte[] data) throws IOException;

  /** Reports the exit status, if the protocol can carry one. */
  void exit(int status) throws IOException;
}
