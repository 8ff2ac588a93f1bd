package dev.towerline.server.adb.internal;

import dev.towerline.server.adb.OutputSink;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * The shell v2 stream: packets of [1-byte id][4-byte little-endian length][data]; id 1 stdout, 2
 * stderr, 3 exit status (one byte). Other ids are skipped.
 */
public final class ShellV2Reader implements ShellStreamReader {

  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int EXIT = 3;
  /** adbd sends at most one ADB payload (64 KiB, 1 MiB on newer devices) per packet. */
  private static final int MAX_PACKET_BYTES = 1 << 20;

  private final OutputSink sink;
  private final Utf8ChunkDecoder stdout = new Utf8ChunkDecoder();
  private final Utf8ChunkDecoder stderr = new Utf8ChunkDecoder();

  public ShellV2Reader(OutputSink sink) {
    this.sink = sink;
  }

  @Override
  public OptionalInt readToEnd(AdbSocket socket) throws IOException {
    while (true) {
      ByteBuffer header = ByteBuffer.wrap(socket.readExactly(5)).order(ByteOrder.LITTLE_ENDIAN);
      int id = header.get() & 0xff;
      int length = header.getInt();
      if (length < 0 || length > MAX_PACKET_BYTES) {
        throw new ProtocolException("shell v2 packet of " + Integer.toUnsignedString(length)
            + " bytes");
      }
      byte[] data = socket.readExactly(length);
      switch (id) {
        case STDOUT:
          emit(stdout.decode(data, 0, data.length), false);
          break;
        case STDERR:
          emit(stderr.decode(data, 0, data.length), true);
          break;
        case EXIT:
          flushHeld();
          if (data.length < 1) {
            throw new ProtocolException("shell v2 exit packet without a status");
          }
          return OptionalInt.of(data[0] & 0xff);
        default:
          // window-size echoes and future packet kinds carry no output
      }
    }
  }

  @Override
  public void flushHeld() {
    emit(stdout.finish(), false);
    emit(stderr.finish(), true);
  }

  private void emit(String text, boolean error) {
    if (text.isEmpty()) {
      return;
    }
    if (error) {
      sink.stderr(text);
    } else {
      sink.stdout(text);
    }
  }
}
