package dev.towerline.adb.simulator;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A tiny raw-socket client of the ADB host protocol, for tests only: it writes the bytes a client
 * writes and reads back exactly what the server sent, so each exchange is visible in the test.
 */
final class AdbTestClient implements Closeable {
  /** No test should wait longer than this for one read. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private AdbTestClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static AdbTestClient connect(int port) throws IOException {
    return new AdbTestClient(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  /** Sends one request: 4 hex digits of length, then the ASCII payload. */
  AdbTestClient send(String request) throws IOException {
    byte[] payload = request.getBytes(StandardCharsets.UTF_8);
    out.write(String.format("%04x", payload.length).getBytes(StandardCharsets.US_ASCII));
    out.write(payload);
    out.flush();
    return this;
  }

  /** Reads {@code OKAY}; on {@code FAIL} throws with the server's message. */
  AdbTestClient expectOkay() throws IOException {
    String status = readAscii(4);
    if (status.equals("FAIL")) {
      throw new AssertionError("expected OKAY but got FAIL: " + readPayload());
    }
    if (!status.equals("OKAY")) {
      throw new AssertionError("expected OKAY but got '" + status + "'");
    }
    return this;
  }

  /** Reads {@code FAIL} and returns its message. */
  String expectFailure() throws IOException {
    String status = readAscii(4);
    if (!status.equals("FAIL")) {
      throw new AssertionError("expected FAIL but got '" + status + "'");
    }
    return readPayload();
  }

  /** Reads 4 hex digits of length and that many bytes. */
  String readPayload() throws IOException {
    int length = Integer.parseInt(readAscii(4), 16);
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Reads the 8-byte little-endian id that follows {@code OKAY} for {@code host:tport:}. */
  long readTransportId() throws IOException {
    byte[] id = new byte[8];
    in.readFully(id);
    return ByteBuffer.wrap(id).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** Reads raw bytes until the server closes: the legacy shell's output. */
  String readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      all.write(buffer, 0, n);
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  /** Reads shell v2 packets until the exit packet. */
  ShellResult readShellV2() throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    while (true) {
      int id = in.read();
      if (id < 0) {
        throw new EOFException("server closed before the exit packet; stdout so far: " + stdout);
      }
      byte[] data = new byte[Integer.reverseBytes(in.readInt())];
      in.readFully(data);
      switch (id) {
        case 1:
          stdout.writeBytes(data);
          break;
        case 2:
          stderr.writeBytes(data);
          break;
        case 3:
          return new ShellResult(stdout.toString(StandardCharsets.UTF_8),
              stderr.toString(StandardCharsets.UTF_8), data[0] & 0xff);
        default:
          throw new AssertionError("unexpected shell v2 packet id " + id);
      }
    }
  }

  /** Reads one shell v2 stdout packet's text. */
  String readShellV2Stdout() throws IOException {
    int id = in.read();
    byte[] data = new byte[Integer.reverseBytes(in.readInt())];
    in.readFully(data);
    if (id != 1) {
      throw new AssertionError("expected a stdout packet, got id " + id);
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The packet the real adb client sends right after a shell v2 OKAY. */
  void sendCloseStdin() throws IOException {
    out.write(new byte[] {4, 0, 0, 0, 0});
    out.flush();
  }

  /** True when the server has closed the connection (reads end of stream, or a reset). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketException reset) {
      return true;
    }
  }

  private String readAscii(int length) throws IOException {
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  // One-shot conveniences, each on its own connection like a real client.

  /** Host query answered with {@code OKAY} + payload. */
  static String query(int port, String request) throws IOException {
    try (AdbTestClient client = connect(port)) {
      return client.send(request).expectOkay().readPayload();
    }
  }

  /** Host query answered with {@code FAIL}; returns the message. */
  static String queryFailure(int port, String request) throws IOException {
    try (AdbTestClient client = connect(port)) {
      return client.send(request).expectFailure();
    }
  }

  /** Opens a transport to the device and asks for a service; the caller reads the reply. */
  static AdbTestClient onDevice(int port, String serial, String service) throws IOException {
    AdbTestClient client = connect(port);
    client.send("host:transport:" + serial).expectOkay().send(service);
    return client;
  }

  static ShellResult shellV2(int port, String serial, String command) throws IOException {
    try (AdbTestClient client = onDevice(port, serial, "shell,v2,raw:" + command)) {
      client.expectOkay().sendCloseStdin();
      return client.readShellV2();
    }
  }

  static String legacyShell(int port, String serial, String command) throws IOException {
    try (AdbTestClient client = onDevice(port, serial, "shell:" + command)) {
      return client.expectOkay().readToEnd();
    }
  }

  record ShellResult(String stdout, String stderr, int exitCode) {}
}
