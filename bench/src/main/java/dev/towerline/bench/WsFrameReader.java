package dev.towerline.bench;

/**
 * Reads the frames a WebSocket server sends (RFC 6455 §5), fed the bytes of each socket read as
 * they come: a frame may be split across reads and one read may hold several frames. Text
 * messages may be fragmented, with control frames between the fragments; 7-, 16- and 64-bit
 * lengths. A complete unfragmented text frame inside one read is handed over where it lies, so
 * the usual frame costs no copy and no allocation; other messages are gathered in a buffer of the
 * connection. Text is not decoded: the bench matches bytes, so it never needs the characters.
 * Not thread-safe: one reader per connection, fed in order.
 */
final class WsFrameReader {
  /** What the frames say; called on the reading thread, the byte ranges valid only during the call. */
  interface Listener {
    /** A whole text message; {@code arrivalNanos} was taken right after the read that completed it. */
    void text(byte[] data, int offset, int length, long arrivalNanos);

    void ping(byte[] payload, int length);

    /** The server's close frame: its status code, 1005 when it carried none. */
    void close(int code);

    /** The server broke the protocol; the connection should be failed with {@code closeCode}. */
    void protocolError(int closeCode, String reason);
  }

  static final int OPCODE_CONTINUATION = 0x0;
  static final int OPCODE_TEXT = 0x1;
  static final int OPCODE_BINARY = 0x2;
  static final int OPCODE_CLOSE = 0x8;
  static final int OPCODE_PING = 0x9;
  static final int OPCODE_PONG = 0xA;
  static final int CLOSE_NO_STATUS = 1005;
  static final int CLOSE_PROTOCOL_ERROR = 1002;
  static final int CLOSE_TOO_BIG = 1009;
  /** The feeds' largest frame is the snapshot (≈ 17 KB at 50 devices); anything near this is a fault. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  private static final int MAX_CONTROL_PAYLOAD = 125;
  private static final int SMALL_MESSAGE_BUFFER = 1024;

  private final Listener listener;
  private final byte[] header = new byte[10];
  private int headerHave;
  private int headerNeed = 2;
  private boolean inPayload;
  private boolean fin;
  private int opcode;
  private long payloadRemaining;
  private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
  private int controlLength;
  /** The opcode of the data message being gathered (text or binary), -1 when none. */
  private int messageOpcode = -1;
  private byte[] message = new byte[SMALL_MESSAGE_BUFFER];
  private int messageLength;
  private boolean failed;

  WsFrameReader(Listener listener) {
    this.listener = listener;
  }

  /** Consumes {@code data[offset, offset + length)}, one socket read. */
  void read(byte[] data, int offset, int length, long arrivalNanos) {
    int position = offset;
    int end = offset + length;
    while (!failed && position < end) {
      if (!inPayload) {
        while (headerHave < headerNeed && position < end) {
          header[headerHave++] = data[position++];
          if (headerHave == 2) {
            headerNeed = headerLength();
          }
        }
        if (failed || headerHave < headerNeed) {
          return;
        }
        startPayload();
        if (failed) {
          return;
        }
        if (payloadRemaining == 0) {
          endFrame(arrivalNanos);
          continue;
        }
      }
      int available = end - position;
      // The usual case: a whole text frame in this read, none of it gathered yet — matched where it lies.
      if (opcode == OPCODE_TEXT && fin && messageLength == 0 && payloadRemaining <= available) {
        int frameLength = (int) payloadRemaining;
        payloadRemaining = 0;
        inPayload = false;
        messageOpcode = -1;
        resetHeader();
        listener.text(data, position, frameLength, arrivalNanos);
        position += frameLength;
        continue;
      }
      int take = (int) Math.min(available, payloadRemaining);
      if (opcode >= OPCODE_CLOSE) {
        System.arraycopy(data, position, control, controlLength, take);
        controlLength += take;
      } else {
        append(data, position, take);
      }
      position += take;
      payloadRemaining -= take;
      if (payloadRemaining == 0) {
        endFrame(arrivalNanos);
      }
    }
  }

  /** 2 bytes, plus the extended length; a server's frame carries no mask (§5.1). */
  private int headerLength() {
    if ((header[1] & 0x80) != 0) {
      fail(CLOSE_PROTOCOL_ERROR, "the server masked a frame");
      return 2;
    }
    int length7 = header[1] & 0x7F;
    return length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
  }

  private void startPayload() {
    fin = (header[0] & 0x80) != 0;
    opcode = header[0] & 0x0F;
    if ((header[0] & 0x70) != 0) {
      fail(CLOSE_PROTOCOL_ERROR, "reserved bits set without an extension");
      return;
    }
    int length7 = header[1] & 0x7F;
    long length = length7;
    if (length7 == 126) {
      length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    } else if (length7 == 127) {
      length = 0;
      for (int i = 2; i < 10; i++) {
        length = (length << 8) | (header[i] & 0xFF);
      }
      if (length < 0) {
        fail(CLOSE_PROTOCOL_ERROR, "64-bit length with its most significant bit set");
        return;
      }
    }
    payloadRemaining = length;
    inPayload = true;
    switch (opcode) {
      case OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG -> {
        if (!fin || length > MAX_CONTROL_PAYLOAD) {
          fail(CLOSE_PROTOCOL_ERROR, "fragmented or oversized control frame");
        }
        controlLength = 0;
      }
      case OPCODE_TEXT, OPCODE_BINARY -> {
        if (messageOpcode != -1) {
          fail(CLOSE_PROTOCOL_ERROR, "a new message before the last one's final fragment");
        }
        messageOpcode = opcode;
        messageLength = 0;
      }
      case OPCODE_CONTINUATION -> {
        if (messageOpcode == -1) {
          fail(CLOSE_PROTOCOL_ERROR, "a continuation frame without a message");
        }
      }
      default -> fail(CLOSE_PROTOCOL_ERROR, "unknown opcode " + opcode);
    }
    if (!failed && opcode < OPCODE_CLOSE && messageLength + length > MAX_MESSAGE_BYTES) {
      fail(CLOSE_TOO_BIG, "message larger than " + MAX_MESSAGE_BYTES + " bytes");
    }
  }

  private void append(byte[] data, int offset, int length) {
    if (messageLength + length > message.length) {
      byte[] larger = new byte[Math.max(message.length * 2, messageLength + length)];
      System.arraycopy(message, 0, larger, 0, messageLength);
      message = larger;
    }
    System.arraycopy(data, offset, message, messageLength, length);
    messageLength += length;
  }

  private void endFrame(long arrivalNanos) {
    inPayload = false;
    resetHeader();
    switch (opcode) {
      case OPCODE_PING -> listener.ping(control, controlLength);
      case OPCODE_PONG -> {} // Unsolicited or answering nothing of ours: nothing to do.
      case OPCODE_CLOSE -> closeFrame();
      default -> {
        if (fin) {
          endMessage(arrivalNanos);
        }
      }
    }
  }

  private void endMessage(long arrivalNanos) {
    int ended = messageOpcode;
    messageOpcode = -1;
    if (ended == OPCODE_TEXT) {
      listener.text(message, 0, messageLength, arrivalNanos);
    }
    messageLength = 0;
    // The snapshot grows the buffer once per connection; thousands of idle connections should not keep it.
    if (message.length > SMALL_MESSAGE_BUFFER * 4) {
      message = new byte[SMALL_MESSAGE_BUFFER];
    }
  }

  private void closeFrame() {
    if (controlLength == 1) {
      fail(CLOSE_PROTOCOL_ERROR, "close frame with a one-byte payload");
      return;
    }
    listener.close(controlLength == 0 ? CLOSE_NO_STATUS : ((control[0] & 0xFF) << 8) | (control[1] & 0xFF));
  }

  private void resetHeader() {
    headerHave = 0;
    headerNeed = 2;
  }

  private void fail(int closeCode, String reason) {
    if (!failed) {
      failed = true;
      listener.protocolError(closeCode, reason);
    }
  }
}
