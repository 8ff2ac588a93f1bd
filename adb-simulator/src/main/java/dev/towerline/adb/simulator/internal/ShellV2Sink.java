package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The shell v2 stream: packets of [1-byte id][4-byte little-endian length][data], id 1 stdout, 2
 * stderr, 3 exit (one byte). With a pty stderr is merged into stdout, as on a device.
 */
final class ShellV2Sink implements ShellSink {
  static final byte STDIN = 0;
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte EXIT = 3;
  /** adbd never sends more per packet than one ADB payload; clients may rely on it. */
  private static final int MAX_PACKET_DATA = 64 * 1024;

  private final ClientLink link;
  private final boolean pty;

  ShellV2Sink(ClientLink link, boolean pty) {
    this.link = link;
    this.pty = pty;
  }

  @Override
  public void stdout(byte[] data) throws IOException {
    send(STDOUT, data);
  }

  @Override
  public void stderr(byte[] data) throws IOException {
    send(pty ? STDOUT : STDERR, data);
  }

  @Override
  public void exit(int status) throws IOException {
    send(EXIT, new byte[] {(byte) status});
  }

  private void send(byte id, byte[] data) throws IOException {
    int from = 0;
    do {
      int to = Math.min(data.length, from + MAX_PACKET_DATA);
      ByteBuffer packet = ByteBuffer.allocate(5 + to - from).order(ByteOrder.LITTLE_ENDIAN);
      packet.put(id).putInt(to - from).put(data, from, to - from);
      link.send(packet.array());
      from = to;
    } while (from < data.length);
  }
}
