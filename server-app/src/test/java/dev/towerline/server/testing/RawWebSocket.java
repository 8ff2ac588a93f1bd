package dev.towerline.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a plain socket that writes every frame byte itself (RFC 6455 §5.2), so a
 * test can send what no WebSocket library would (unmasked frames, binary frames, reserved opcodes,
 * RSV bits, fragmented control frames, invalid UTF-8, a header announcing more than will come) and
 * see exactly what the server writes back, close frames included. Not thread-safe for writing from
 * two threads at once; reading and writing may happen on two threads.
 *
 * <p>Two ways to write: {@link #send} and {@link #sendText} write one final frame and fail when the
 * server has gone; {@link #sendFrame} and {@link #writeRaw} take the first byte (FIN, RSV bits,
 * opcode) or the whole frame as given and ignore a server that closes before reading it all (what
 * it sent first shows in {@link #awaitClose}).
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;
  /** The FIN bit of a frame's first byte, for {@link #sendFrame}. */
  public static final int FIN = 0x80;

  /** What {@link #awaitClose(StringBuilder)} returns when the connection ended without a close frame. */
  public static final int NO_CLOSE_FRAME = -1;
  /** What {@link #awaitClose(StringBuilder)} returns when the server kept the connection past the read timeout. */
  public static final int HELD = -2;
  /** What {@link #awaitClose(StringBuilder)} returns when the server answered with an {@code error} frame instead of closing. */
  public static final int ERROR_FRAME = -3;

  /** One frame as read: its opcode and payload. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame, or 1005 (none) when it carries none. */
    public int closeCode() {
      return payload.length >= 2 ? ByteBuffer.wrap(payload, 0, 2).getShort() & 0xFFFF : 1005;
    }

    public String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private String handshakeResponse;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = socket.getOutputStream();
  }

  /** Opens {@code path} on 127.0.0.1:{@code port} and completes the handshake (101 expected); reads time out after {@link RunningServer#TIMEOUT}. */
  public static RawWebSocket connect(int port, String path) throws IOException {
    return connect(port, path, RunningServer.TIMEOUT);
  }

  /** Opens {@code path} on 127.0.0.1:{@code port} and completes the handshake (101 expected); reads time out after {@code readTimeout}. */
  public static RawWebSocket connect(int port, String path, Duration readTimeout) throws IOException {
    return connect(port, path, readTimeout, "Host: 127.0.0.1:" + port + "\r\n");
  }

  /**
   * Opens {@code path} with {@code headLines} (each ending in CRLF, {@code Host} included) as the
   * handshake's own headers, and completes the handshake (101 expected).
   */
  public static RawWebSocket connect(int port, String path, Duration readTimeout, String headLines) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    String request = handshake(path, headLines);
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    RawWebSocket webSocket = new RawWebSocket(socket);
    String head = webSocket.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("handshake refused: " + head);
    }
    webSocket.handshakeResponse = head;
    return webSocket;
  }

  /** A whole handshake request for {@code path} with {@code headLines} (each ending in CRLF) and a fresh key. */
  public static String handshake(String path, String headLines) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return "GET " + path + " HTTP/1.1\r\n" + headLines + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  /** Writes one final frame, masked as RFC 6455 requires of clients unless {@code masked} is false. */
  public synchronized void send(int opcode, byte[] payload, boolean masked) throws IOException {
    out.write(frame(FIN | opcode, payload, masked));
    out.flush();
  }

  public void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /**
   * Writes one frame whose first byte is {@code firstByte} as it goes on the wire (FIN, RSV bits
   * and opcode: {@code FIN | TEXT}, {@code TEXT} alone for a first fragment, {@code FIN | 0x40 |
   * TEXT} for RSV1); a server that closes before reading it all is not an error here.
   */
  public void sendFrame(int firstByte, byte[] payload, boolean masked) throws IOException {
    writeRaw(frame(firstByte, payload, masked));
  }

  /** Writes bytes as they are, e.g. a frame header announcing more than will ever come; a server that closes before reading them all is not an error here. */
  public synchronized void writeRaw(byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
    } catch (SocketException closedByServer) {
      // The server may close before reading it all; what it sent before shows in awaitClose.
    }
  }

  /** Answers a close frame as RFC 6455 §5.5.1 asks: a close frame with the same code. */
  public void answerClose(Frame close) throws IOException {
    send(CLOSE, ByteBuffer.allocate(2).putShort((short) close.closeCode()).array(), true);
  }

  /** Reads the next frame (unfragmented, as the server writes them); EOFException when the server closed the socket. */
  public Frame read() throws IOException {
    ByteBuffer wire = ByteBuffer.wrap(readWire());
    int first = wire.get() & 0xFF;
    int second = wire.get() & 0xFF;
    int length = second & 0x7F;
    if (length == 126) {
      wire.getShort();
    } else if (length == 127) {
      wire.getLong();
    }
    byte[] key = null;
    if ((second & 0x80) != 0) {
      key = new byte[4];
      wire.get(key);
    }
    byte[] payload = new byte[wire.remaining()];
    wire.get(payload);
    if (key != null) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= key[i % 4];
      }
    }
    return new Frame(first & 0x0F, payload);
  }

  /** Reads the next frame and returns it as it came on the wire: header, masking key if any, payload. */
  public byte[] readWire() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    wire.write(first);
    wire.write(second);
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
      wire.writeBytes(ByteBuffer.allocate(2).putShort((short) length).array());
    } else if (length == 127) {
      length = in.readLong();
      wire.writeBytes(ByteBuffer.allocate(8).putLong(length).array());
    }
    byte[] rest = new byte[((second & 0x80) != 0 ? 4 : 0) + Math.toIntExact(length)];
    in.readFully(rest);
    wire.writeBytes(rest);
    return wire.toByteArray();
  }

  /** Reads frames until one with {@code opcode}. */
  public Frame readUntil(int opcode) throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == opcode) {
        return frame;
      }
    }
  }

  /**
   * Reads frames until the server's close frame and returns its code (1005 when it carries none),
   * {@link #NO_CLOSE_FRAME} when the connection ends without one, {@link #HELD} after the read
   * timeout, {@link #ERROR_FRAME} at an {@code error} frame. {@code texts} receives the text frames
   * read on the way.
   */
  public int awaitClose(StringBuilder texts) throws IOException {
    try {
      while (true) {
        Frame frame = read();
        if (frame.opcode() == CLOSE) {
          return frame.closeCode();
        }
        if (frame.opcode() == TEXT) {
          String text = frame.text();
          texts.append(text).append('\n');
          if (text.startsWith("{\"type\":\"error\"")) {
            return ERROR_FRAME;
          }
        }
      }
    } catch (SocketTimeoutException e) {
      return HELD;
    } catch (EOFException | SocketException e) {
      return NO_CLOSE_FRAME;
    }
  }

  /**
   * Reads for {@code period}: true when the connection stayed open and the server sent nothing
   * but pongs (answers to pings still on their way), false when it closed the socket or sent
   * anything else.
   */
  public boolean staysOpenFor(Duration period) throws IOException {
    int timeout = socket.getSoTimeout();
    long deadline = System.nanoTime() + period.toNanos();
    try {
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return true;
        }
        socket.setSoTimeout((int) left);
        if (read().opcode() != PONG) {
          return false;
        }
      }
    } catch (SocketTimeoutException e) {
      return true;
    } catch (EOFException | SocketException e) {
      return false;
    } finally {
      socket.setSoTimeout(timeout);
    }
  }

  /** True once the server has closed the TCP connection (reads end), false if it is still open after the read timeout. */
  public boolean serverClosedSocket() throws IOException {
    try {
      while (in.read() >= 0) {
        // Anything after the close frame is ignored.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // Reset: closed too.
    }
  }

  /** The server's answer to the handshake: status line and headers. */
  public String handshakeResponse() {
    return handshakeResponse;
  }

  /** Drops the connection with a TCP reset, as a client that crashed or lost its network. */
  public void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static byte[] frame(int firstByte, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(firstByte);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(maskBit | 127);
      frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      RANDOM.nextBytes(key);
      frame.writeBytes(key);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i % 4];
      }
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the handshake: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
