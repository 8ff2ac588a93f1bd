package dev.towerline.adb.simulator.internal;

import java.io.IOException;

/**
 * The legacy {@code shell:} stream: stdout and stderr merged into raw bytes, and no exit status,
 * the end of output being the socket closing.
 */
final class LegacyShellSink implements ShellSink {
  private final ClientLink link;

  LegacyShellSink(ClientLink link) {
    this.link = link;
  }

  @Override
  public void stdout(byte[] data) throws IOException {
    link.send(data);
  }

  @Override
  public void stderr(byte[] data) throws IOException {
    link.send(data);
  }

  @Override
  public void exit(int status) {
    // The legacy protocol has no way to say it; clients append an exit marker instead.
  }
}
