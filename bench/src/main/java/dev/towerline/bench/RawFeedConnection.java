package dev.towerline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One feed connection of {@link RawFeedClients}, driven by its selector thread only: the opening
 * handshake, then frames through a {@link WsFrameReader}. Answers WebSocket pings with pongs and
 * the feed's {@code ping} frames with {@code pong} frames (the server closes clients that stay
 * silent), hands every text message to the probe in force, and answers the server's close.
 */
final class RawFeedConnection implements WsFrameReader.Listener {
  /** What the connection is doing; only the selector thread changes it. */
  enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

  private static final byte[] APP_PING = "\"type\":\"ping\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NONCE = "\"nonce\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int NORMAL_CLOSURE = 1000;

  /** What the connection needs of the pool it belongs to. */
  interface Owner {
    DeliveryProbe probe();

    WsClientFrames frames();

    /** The handshake ended: accepted ({@code refusal} null) or refused, by HTTP status or failure. */
    void settled(RawFeedConnection connection, String refusal);
  }

  private final int index;
  private final SocketChannel channel;
  private final Owner owner;
  private final WsHandshake handshake;
  private final WsFrameReader reader = new WsFrameReader(this);
  private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
  private final long handshakeDeadlineNanos;
  private SelectionKey key;
  private byte[] head = new byte[512];
  private int headLength;
  private boolean closeSent;
  private boolean closeAfterFlush;
  private volatile State state = State.CONNECTING;
  /** The server's close code, -1 once failed without one; null while neither. */
  private volatile Integer closeCode;
  private volatile String error;
  private volatile boolean opened;

  RawFeedConnection(int index, SocketChannel channel, Owner owner, WsHandshake handshake, long handshakeDeadlineNanos) {
    this.index = index;
    this.channel = channel;
    this.owner = owner;
    this.handshake = handshake;
    this.handshakeDeadlineNanos = handshakeDeadlineNanos;
  }

  SocketChannel channel() {
    return channel;
  }

  void registered(SelectionKey selectionKey) {
    this.key = selectionKey;
  }

  /** OP_CONNECT fired: finish connecting and send the upgrade request. */
  void connectable(URI uri) {
    try {
      if (!channel.finishConnect()) {
        return;
      }
      state = State.HANDSHAKING;
      key.interestOps(SelectionKey.OP_READ);
      send(ByteBuffer.wrap(handshake.request(uri)));
    } catch (IOException e) {
      refuse(e.getClass().getSimpleName());
    }
  }

  /** The bytes of one read, {@code arrivalNanos} taken right after it. */
  void received(byte[] data, int length, long arrivalNanos) {
    if (state == State.HANDSHAKING) {
      handshakeBytes(data, length, arrivalNanos);
    } else if (state == State.OPEN || state == State.CLOSING) {
      reader.read(data, 0, length, arrivalNanos);
    }
  }

  private void handshakeBytes(byte[] data, int length, long arrivalNanos) {
    if (headLength + length > head.length) {
      head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + length));
    }
    System.arraycopy(data, 0, head, headLength, length);
    headLength += length;
    int end = WsHandshake.headEnd(head, headLength);
    if (end < 0) {
      if (headLength > WsHandshake.MAX_RESPONSE_HEAD_BYTES) {
        refuse("answer head over " + WsHandshake.MAX_RESPONSE_HEAD_BYTES + " bytes");
      }
      return;
    }
    WsHandshake.Answer answer = handshake.check(new String(head, 0, end, StandardCharsets.ISO_8859_1));
    if (!answer.accepted()) {
      refuse(answer.refusal());
      return;
    }
    state = State.OPEN;
    opened = true;
    owner.settled(this, null);
    byte[] rest = Arrays.copyOfRange(head, end, headLength);
    head = null;
    // Frames the server sent right behind its 101 came in the same read.
    reader.read(rest, 0, rest.length, arrivalNanos);
  }

  @Override
  public void text(byte[] data, int offset, int length, long arrivalNanos) {
    DeliveryProbe probe = owner.probe();
    if (probe != null) {
      probe.offer(index, data, offset, length, arrivalNanos);
    }
    if (ByteSearch.contains(data, offset, length, APP_PING)) {
      send(owner.frames().text("{\"type\":\"pong\",\"ts\":\"" + Instant.now() + "\"" + nonce(data, offset, length) + "}"));
    }
  }

  private static String nonce(byte[] data, int offset, int length) {
    int at = ByteSearch.indexOf(data, offset, length, NONCE);
    if (at < 0) {
      return "";
    }
    int start = at + NONCE.length;
    int end = start;
    while (end < offset + length && data[end] != '"') {
      end++;
    }
    return ",\"nonce\":\"" + new String(data, start, end - start, StandardCharsets.UTF_8) + "\"";
  }

  @Override
  public void ping(byte[] payload, int length) {
    if (!closeSent) {
      send(owner.frames().pong(payload, length));
    }
  }

  @Override
  public void close(int code) {
    closeCode = code;
    if (!closeSent) {
      // Echo the server's code (§5.5.1); 1005 says "none" and may not be sent.
      sendClose(code == WsFrameReader.CLOSE_NO_STATUS ? NORMAL_CLOSURE : code);
    }
    // Both close frames are out: the closing handshake is done.
    finishAfterFlush();
  }

  @Override
  public void protocolError(int closeCodeToSend, String reason) {
    error = reason;
    closeCode = -1;
    if (!closeSent) {
      sendClose(closeCodeToSend);
    }
    finishAfterFlush();
  }

  /** Starts the closing handshake with 1000; the server's answer ends it. */
  void startClose() {
    if (state == State.OPEN) {
      sendClose(NORMAL_CLOSURE);
    }
  }

  private void sendClose(int code) {
    closeSent = true;
    state = State.CLOSING;
    send(owner.frames().close(code));
  }

  /** The server closed the TCP connection. */
  void endOfStream() {
    if (state == State.HANDSHAKING || state == State.CONNECTING) {
      refuse("connection closed during the handshake");
    } else if (closeCode == null) {
      failed("connection closed without a close frame");
    } else {
      abort();
    }
  }

  /** Reading or writing failed. */
  void failed(IOException e) {
    if (state == State.HANDSHAKING || state == State.CONNECTING) {
      refuse(e.getClass().getSimpleName());
    } else {
      failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private void failed(String reason) {
    if (closeCode == null) {
      error = reason;
      closeCode = -1;
    }
    abort();
  }

  /** True once the handshake deadline has passed without an answer. */
  boolean handshakeOverdue(long nowNanos) {
    return (state == State.CONNECTING || state == State.HANDSHAKING) && nowNanos - handshakeDeadlineNanos > 0;
  }

  void refuse(String refusal) {
    closeCode = -1;
    abort();
    owner.settled(this, refusal);
  }

  private void send(ByteBuffer frame) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      if (unsent.isEmpty()) {
        channel.write(frame);
      }
      if (frame.hasRemaining()) {
        unsent.add(frame);
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  /** OP_WRITE fired: write what a full socket buffer held back. */
  void writable() {
    try {
      while (!unsent.isEmpty()) {
        channel.write(unsent.peek());
        if (unsent.peek().hasRemaining()) {
          return;
        }
        unsent.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
      if (closeAfterFlush) {
        abort();
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  private void finishAfterFlush() {
    if (unsent.isEmpty()) {
      abort();
    } else {
      closeAfterFlush = true;
    }
  }

  /** Closes the socket at once. */
  void abort() {
    state = State.CLOSED;
    unsent.clear();
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a socket that failed; nothing left to do with it.
    }
  }

  boolean isOpen() {
    return state == State.OPEN;
  }

  /** True once the handshake succeeded, whatever happened since. */
  boolean opened() {
    return opened;
  }

  boolean isClosed() {
    return state == State.CLOSED;
  }

  /** The server's close code, -1 if the connection failed, null while it has neither. */
  Integer closeCode() {
    return closeCode;
  }

  /** Why the connection failed after it opened, for the report; empty while it has not. */
  String errorDescription() {
    return error == null ? "" : error;
  }
}
