package dev.towerline.server.http.grizzly;

import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;

/**
 * Reads a parsed request's head as it arrived, where the parsed form lost something: Grizzly's codec
 * removes a {@code Content-Length} header it has already read once a {@code Transfer-Encoding}
 * header follows it, so the ambiguity is only visible in the raw bytes. The parsed header values
 * still point into those bytes.
 */
final class RawRequestHead {

  private static final String CONTENT_LENGTH = Header.ContentLength.toString().toLowerCase(Locale.ROOT);

  private RawRequestHead() {}

  /** Whether a {@code Content-Length} line comes before the {@code Transfer-Encoding} header's value. */
  static boolean hasContentLengthBeforeTransferEncoding(HttpRequestPacket request) {
    DataChunk method = request.getMethodDC();
    DataChunk transferEncoding = request.getHeaders().getValue(Header.TransferEncoding);
    if (transferEncoding == null || method.getType() != transferEncoding.getType()) {
      return false;
    }
    return switch (method.getType()) {
      case Bytes -> {
        byte[] bytes = method.getByteChunk().getBuffer();
        yield bytes == transferEncoding.getByteChunk().getBuffer()
            && containsLineStart(i -> bytes[i], method.getByteChunk().getStart(), transferEncoding.getByteChunk().getStart());
      }
      case Buffer -> {
        Buffer buffer = method.getBufferChunk().getBuffer();
        yield buffer == transferEncoding.getBufferChunk().getBuffer()
            && containsLineStart(buffer::get, method.getBufferChunk().getStart(), transferEncoding.getBufferChunk().getStart());
      }
      default -> false;
    };
  }

  /** Whether a line in [from, to) starts with "content-length", in any case. */
  private static boolean containsLineStart(IntUnaryOperator byteAt, int from, int to) {
    for (int i = from; i < to - CONTENT_LENGTH.length(); i++) {
      if (byteAt.applyAsInt(i) == '\n' && startsWithIgnoringCase(byteAt, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoringCase(IntUnaryOperator byteAt, int at) {
    for (int j = 0; j < CONTENT_LENGTH.length(); j++) {
      if (Character.toLowerCase((char) byteAt.applyAsInt(at + j)) != CONTENT_LENGTH.charAt(j)) {
        return false;
      }
    }
    return true;
  }
}
