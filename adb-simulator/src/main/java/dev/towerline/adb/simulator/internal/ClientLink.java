package dev.towerline.adb.simulator.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One client socket. Every blocking read has a time-out: {@code readTimeout} while a request is
 * expected, short slices while the simulator waits for something else and only checks whether
 * the client is still there.
 */
final class ClientLink implements Closeable {
  /** How often a waiting connection checks for a closed client, a stop or a cleared fault. */
  static final int WAIT_SLICE_MILLIS = 50;
  /** After our last byte, how long we let the client read it and close first (see close). */
  private static final int DRAIN_SLICES = 10;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final int readTimeoutMillis;
  private final Clock clock;
  private final byte[] scratch = new byte[4096];

  ClientLink(Socket socket, Duration readTimeout, Clock clock) throws IOException {
    this.socket = socket;
    this.readTimeoutMillis = Math.toIntExact(Math.max(1, readTimeout.toMillis()));
    this.clock = clock;
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(readTimeoutMillis);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  String describe() {
    return String.valueOf(socket.getRemoteSocketAddress());
  }

  /**
   * Reads one request: 4 hex digits of length, then that many ASCII bytes.
   *
   * @return the request, or null when the client closed before sending one
   * @throws SocketTimeoutException when the client stays silent longer than the read time-out
   */
  String readRequest() throws IOException {
    byte[] header = new byte[4];
    if (!readFully(header, true)) {
      return null;
    }
    int length = Wire.parseLength(header);
    if (length < 0) {
      throw new ProtocolException(
          "request length is not 4 hex digits: " + new String(header, StandardCharsets.US_ASCII));
    }
    byte[] payload = new byte[length];
    readFully(payload, false);
    return new String(payload, StandardCharsets.UTF_8);
  }

  private boolean readFully(byte[] buffer, boolean eofAllowedAtStart) throws IOException {
    int read = 0;
    while (read < buffer.length) {
      int n = in.read(buffer, read, buffer.length - read);
      if (n < 0) {
        if (read == 0 && eofAllowedAtStart) {
          return false;
        }
        throw new EOFException("client closed in the middle of a request");
      }
      read += n;
    }
    return true;
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Waits up to {@code millis} for the client to close. Anything it sends meanwhile (shell v2
   * stdin and window-size packets) is discarded: the simulated shell reads no input.
   */
  boolean clientClosedWithin(int millis) throws IOException {
    socket.setSoTimeout(Math.max(1, millis));
    try {
      return in.read(scratch) < 0;
    } catch (SocketTimeoutException stillThere) {
      return false;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(readTimeoutMillis);
      }
    }
  }

  /**
   * Waits while {@code keepWaiting} holds, checking every slice that the client is still there
   * and that {@code abandon} does not hold.
   *
   * @throws InterruptedIOException when the client closed or {@code abandon} became true
   */
  void waitWhile(BooleanSupplier keepWaiting, BooleanSupplier abandon) throws IOException {
    while (keepWaiting.getAsBoolean()) {
      checkStillWanted(WAIT_SLICE_MILLIS, abandon);
    }
  }

  /** Waits {@code duration} on the simulator's clock; throws like {@link #waitWhile}. */
  void sleep(Duration duration, BooleanSupplier abandon) throws IOException {
    Instant deadline = clock.instant().plus(duration);
    Duration remaining;
    while (!(remaining = Duration.between(clock.instant(), deadline)).isNegative()
        && !remaining.isZero()) {
      long slice = Math.min(WAIT_SLICE_MILLIS, Math.max(1, remaining.toMillis()));
      checkStillWanted((int) slice, abandon);
    }
  }

  private void checkStillWanted(int sliceMillis, BooleanSupplier abandon) throws IOException {
    if (abandon.getAsBoolean()) {
      throw new InterruptedIOException("abandoned: device gone or simulator stopping");
    }
    if (clientClosedWithin(sliceMillis)) {
      throw new InterruptedIOException("client closed the connection");
    }
  }

  /**
   * Closes after letting the client read everything. Real clients read until EOF and then close;
   * closing while their last bytes (a shell v2 close-stdin packet) sit unread would make the
   * kernel send RST, and the client could lose our final reply.
   */
  void closeGracefully() {
    try {
      socket.shutdownOutput();
      for (int i = 0; i < DRAIN_SLICES && !clientClosedWithin(WAIT_SLICE_MILLIS * 2); i++) {
        // the client is still reading; give it a little longer
      }
    } catch (IOException alreadyGone) {
      // nothing left to drain
    } finally {
      close();
    }
  }

  /** Closes at once; also how {@code stop()} cuts every open connection. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket that is already broken
    }
  }
}
