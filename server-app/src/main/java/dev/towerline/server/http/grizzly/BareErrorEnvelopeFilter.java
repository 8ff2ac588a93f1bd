package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.http.error.ErrorResponses.GenericError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Grizzly's HTTP codec answers some requests itself, with a bare status and no body: a request
 * line or headers over its limit, a request it cannot parse. It writes those answers below every
 * filter that could shape them, so this filter sits right above the transport and recognises them
 * on their way out, as an error status without {@code Content-Type} (which nothing of ours sends,
 * since every error of ours is an envelope), and writes the contract's envelope in their place. The
 * codec's 505 for a request line it cannot parse becomes a 400: the request is malformed, and the
 * server is not at fault.
 */
final class BareErrorEnvelopeFilter extends BaseFilter {

  private static final String STATUS_LINE_PREFIX = "HTTP/1.1 ";
  private static final String END_OF_HEAD = "\r\n\r\n";
  // A bare answer's head is short; a longer one is not the codec's own.
  private static final int MAX_BARE_HEAD = 512;

  private static final int HTTP_VERSION_NOT_SUPPORTED = 505;
  static final String MALFORMED_REQUEST_LINE =
      "The request line is malformed: expected METHOD SP request-target SP HTTP/1.1 (or HTTP/1.0)";

  private final EnvelopeWriter envelopes;

  BareErrorEnvelopeFilter(EnvelopeWriter envelopes) {
    this.envelopes = envelopes;
  }

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    if (ctx.getMessage() instanceof Buffer buffer) {
      OptionalInt status = bareErrorStatus(buffer);
      if (status.isPresent()) {
        ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), envelopeAnswer(status.getAsInt())));
        buffer.tryDispose();
      }
    }
    return ctx.getInvokeAction();
  }

  /** The status of {@code buffer} if it is a whole bodiless error answer without a content type. */
  static OptionalInt bareErrorStatus(Buffer buffer) {
    int length = buffer.remaining();
    if (length < STATUS_LINE_PREFIX.length() + 3 || length > MAX_BARE_HEAD) {
      return OptionalInt.empty();
    }
    // Cheap look first: most writes are bodies, frames or successful answers.
    byte statusClass = buffer.get(buffer.position() + STATUS_LINE_PREFIX.length());
    if (buffer.get(buffer.position()) != 'H' || (statusClass != '4' && statusClass != '5')) {
      return OptionalInt.empty();
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = buffer.get(buffer.position() + i);
    }
    String answer = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!answer.startsWith(STATUS_LINE_PREFIX) || !answer.endsWith(END_OF_HEAD)) {
      return OptionalInt.empty();
    }
    int status;
    try {
      status = Integer.parseInt(answer.substring(STATUS_LINE_PREFIX.length(), STATUS_LINE_PREFIX.length() + 3));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    String head = answer.toLowerCase(Locale.ROOT);
    if (status < 400 || head.contains("\r\ncontent-type:") || !isBodiless(head)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(status);
  }

  private static boolean isBodiless(String head) {
    return !head.contains("\r\ncontent-length:") || head.contains("\r\ncontent-length: 0\r\n");
  }

  private byte[] envelopeAnswer(int status) {
    GenericError error = errorFor(status);
    return envelopes.closingAnswer(error.code(), error.message(), Map.of(), Map.of());
  }

  private static GenericError errorFor(int status) {
    if (status == HTTP_VERSION_NOT_SUPPORTED) {
      // The codec's answer to any request line it cannot split into method, target and version
      // (a raw space in the path, a trailing word, an unknown version): the client's error.
      return new GenericError(ErrorCode.INVALID_PARAMETER, MALFORMED_REQUEST_LINE);
    }
    return ErrorResponses.genericErrorFor(status)
        .orElse(new GenericError(ErrorCode.INTERNAL_ERROR, ErrorResponses.INTERNAL_ERROR_MESSAGE));
  }
}
