package dev.towerline.server.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client written on a bare socket, so a test can send frames no library would:
 * unmasked, reserved opcodes, RSV bits, fragmented control frames, invalid UTF-8. It performs a
 * correct handshake, then writes frames byte by byte as told and reads the server's frames.
 */
final class RawWebSocket implements AutoCloseable {
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CONTINUATION = 0x0;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int FIN = 0x80;

  /** What {@link #awaitClose(StringBuilder)} returns when the connection ended without a close frame. */
  static final int NO_CLOSE_FRAME = -1;
  /** What {@link #awaitClose(StringBuilder)} returns when the server kept the connection past the read bound. */
  static final int HELD = -2;
  /** What {@link #awaitClose(StringBuilder)} returns when the server answered with an {@code error} frame instead of closing. */
  static final int ERROR_FRAME = -3;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Random maskKeys = new Random(9);

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = socket.getOutputStream();
  }

  /** Opens {@code path} with a valid handshake; fails unless the server switches protocols. */
  static RawWebSocket open(int port, String path) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) RawExchange.READ_BOUND.toMillis());
    RawWebSocket ws = new RawWebSocket(socket);
    String key = Base64.getEncoder().encodeToString("hostile-suite-16".getBytes(StandardCharsets.US_ASCII));
    ws.out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    String head = ws.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("handshake refused: " + head);
    }
    return ws;
  }

  /** Writes one frame: {@code firstByte} is FIN, RSV bits and opcode as they go on the wire. */
  void send(int firstByte, byte[] payload, boolean masked) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(firstByte);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xff);
      }
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      maskKeys.nextBytes(key);
      frame.write(key);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i % 4];
      }
    }
    frame.write(body);
    writeRaw(frame.toByteArray());
  }

  /** Writes bytes as they are, e.g. a frame header announcing more than will ever come. */
  void writeRaw(byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
    } catch (SocketException closedByServer) {
      // The server may close before reading it all; what it sent before shows in awaitClose.
    }
  }

  void sendText(String text) throws IOException {
    send(FIN | TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /**
   * Reads frames until the server's close frame and returns its code (1005 when it carries none),
   * {@link #NO_CLOSE_FRAME} when the connection ends without one, {@link #HELD} after the read
   * bound, {@link #ERROR_FRAME} at an {@code error} frame. {@code texts} receives the text frames
   * read on the way.
   */
  int awaitClose(StringBuilder texts) throws IOException {
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        if (opcode == CLOSE) {
          return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
        if (opcode == TEXT) {
          String text = new String(payload, StandardCharsets.UTF_8);
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

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    InputStream raw = in;
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = raw.read();
      if (next < 0) {
        break;
      }
      head.write(next);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
