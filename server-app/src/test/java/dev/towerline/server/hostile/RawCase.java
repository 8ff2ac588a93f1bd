package dev.towerline.server.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One raw request of a hostile category, named for the failure message.
 *
 * @param closeAllowed whether a plain close (no answer) is acceptable: where HTTP allows nothing
 *     else, e.g. bytes that are not HTTP at all
 */
record RawCase(String name, byte[] request, boolean closeAllowed) {

  static RawCase answered(String name, String request) {
    return new RawCase(name, request.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  static RawCase answeredOrClosed(String name, String request) {
    return new RawCase(name, request.getBytes(StandardCharsets.ISO_8859_1), true);
  }

  static RawCase answeredOrClosed(String name, byte[] request) {
    return new RawCase(name, request, true);
  }

  /** The request as text with control characters escaped, for failure messages. */
  String printable() {
    return Printable.of(new String(request, StandardCharsets.ISO_8859_1));
  }

  @Override
  public String toString() {
    return name;
  }
}
