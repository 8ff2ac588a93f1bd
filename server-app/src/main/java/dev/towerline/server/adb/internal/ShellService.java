package dev.towerline.server.adb.internal;

import dev.towerline.server.adb.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How one shell command is started on a device and read: the service request that runs it, what
 * the command is told once it runs, and the reader of its stream. Shell v2 ({@code
 * shell,v2,raw:}) keeps stdout, stderr and the exit status apart; the legacy {@code shell:}
 * service gets an exit marker appended ({@link LegacyShellReader}).
 */
public final class ShellService {

  /** Sent after a shell v2 command starts, as the adb client does: the command's stdin is empty. */
  private static final byte[] CLOSE_STDIN = {4, 0, 0, 0, 0};

  private final String request;
  private final boolean shellV2;
  private final ShellStreamReader reader;

  private ShellService(String request, boolean shellV2, ShellStreamReader reader) {
    this.request = request;
    this.shellV2 = shellV2;
    this.reader = reader;
  }

  /**
   * The service for {@code command}, its output going to {@code sink}.
   *
   * @throws IllegalArgumentException when the command does not fit in one ADB request
   */
  public static ShellService of(boolean shellV2, String command, OutputSink sink) {
    String marker = shellV2 ? null : LegacyShellReader.newMarker();
    String request = shellV2 ? "shell,v2,raw:" + command
        : "shell:" + LegacyShellReader.command(command, marker);
    if (request.getBytes(StandardCharsets.UTF_8).length > AdbSocket.MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException("shell command is too long for ADB: "
          + command.getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
    return new ShellService(request, shellV2,
        shellV2 ? new ShellV2Reader(sink) : new LegacyShellReader(sink, marker));
  }

  /** The request that opens the service, after the transport is switched to the device. */
  public String request() {
    return request;
  }

  /** Tells the command, once the service is open, that it gets no input (shell v2 only). */
  public void started(AdbSocket socket) throws IOException {
    if (shellV2) {
      socket.write(CLOSE_STDIN);
    }
  }

  /** Reads the command's stream to its end. */
  public ShellStreamReader reader() {
    return reader;
  }
}
