package dev.towerline.server.adb.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One connection to an ADB server, speaking the smart-socket framing: requests are 4 hex digits of
 * length and the text; replies start with {@code OKAY} or {@code FAIL} + a length-prefixed reason.
 * Every blocking read is bounded by the current {@link Deadline}: it throws {@link
 * SocketTimeoutException} once the deadline passes, never later. {@link #close()} may be called
 * from any thread and makes a blocked read fail at once (that is how a command is cancelled).
 */
public final class AdbSocket implements Closeable {

  /** Requests carry 4 hex digits of length. */
  public static final int MAX_REQUEST_BYTES = 0xffff;

  private final Socket socket = new Socket();
  private InputStream in;
  private OutputStream out;
  private Deadline deadline;

  /** A reply status: {@code OKAY}, or {@code FAIL} with ADB's reason. */
  public record Reply(boolean okay, String failure) {}

  /**
   * Connects within {@code connectTimeout} and the deadline, whichever comes first.
   *
   * @throws SocketTimeoutException when the server did not accept in time
   * @throws IOException when it refused, or this socket was closed meanwhile
   */
  public void connect(InetSocketAddress server, Duration connectTimeout, Deadline deadline)
      throws IOException {
    this.deadline = deadline;
    long limit = Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
    if (limit <= 0) {
      throw new SocketTimeoutException("no time left to connect");
    }
    socket.setTcpNoDelay(true);
    socket.connect(server, (int) Math.min(Integer.MAX_VALUE, limit));
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** Bounds the reads that follow by another deadline. */
  public void deadline(Deadline deadline) {
    this.deadline = deadline;
  }

  /** Sends one request: length in 4 hex digits, then the UTF-8 text. */
  public void send(String request) throws IOException {
    byte[] body = request.getBytes(StandardCharsets.UTF_8);
    if (body.length > MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException(
          "ADB requests are limited to 65535 bytes; this one has " + body.length);
    }
    byte[] header = String.format(Locale.ROOT, "%04x", body.length)
        .getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[header.length + body.length];
    System.arraycopy(header, 0, frame, 0, header.length);
    System.arraycopy(body, 0, frame, header.length, body.length);
    write(frame);
  }

  /** Writes raw bytes, such as a shell v2 packet. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads {@code OKAY}, or {@code FAIL} and its reason. */
  public Reply readReply() throws IOException {
    String status = new String(readExactly(4), StandardCharsets.US_ASCII);
    switch (status) {
      case "OKAY":
        return new Reply(true, null);
      case "FAIL":
        return new Reply(false, readLengthPrefixed());
      default:
        throw new ProtocolException("expected OKAY or FAIL, got '" + printable(status) + "'");
    }
  }

  /** Reads 4 hex digits of length, then that many bytes as UTF-8 text. */
  public String readLengthPrefixed() throws IOException {
    int length = parseLength(readExactly(4));
    return new String(readExactly(length), StandardCharsets.UTF_8);
  }

  /** Reads exactly {@code count} bytes. */
  public byte[] readExactly(int count) throws IOException {
    byte[] buffer = new byte[count];
    int read = 0;
    while (read < count) {
      int n = read(buffer, read, count - read);
      if (n < 0) {
        throw new EOFException("ADB closed the connection after " + read + " of " + count
            + " bytes");
      }
      read += n;
    }
    return buffer;
  }

  /**
   * Reads what is available, at least one byte, waiting at most until the deadline.
   *
   * @return the number of bytes read, or -1 at the end of the stream
   */
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (true) {
      long remaining = deadline.remainingMillis();
      if (remaining <= 0) {
        throw new SocketTimeoutException("deadline of " + deadline.limit().toMillis()
            + " ms passed");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
      try {
        return in.read(buffer, offset, length);
      } catch (SocketTimeoutException e) {
        if (deadline.expired()) {
          throw e;
        }
        // woke a little early; wait for the rest of the time
      }
    }
  }

  /**
   * Waits up to {@code idle} for the next byte without consuming it; for long-lived connections
   * whose silence is normal.
   *
   * @return true when data (or the end of the stream) is there, false when {@code idle} passed
   */
  public boolean awaitData(Duration idle) throws IOException {
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, idle.toMillis())));
    in.mark(1);
    try {
      in.read();
      in.reset();
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /** Closes at once; any thread. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already broken
    }
  }

  static int parseLength(byte[] header) throws ProtocolException {
    int length = 0;
    for (byte b : header) {
      int digit = Character.digit(b, 16);
      if (digit < 0) {
        throw new ProtocolException("expected 4 hex digits of length, got '"
            + printable(new String(header, StandardCharsets.US_ASCII)) + "'");
      }
      length = length * 16 + digit;
    }
    return length;
  }

  private static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
