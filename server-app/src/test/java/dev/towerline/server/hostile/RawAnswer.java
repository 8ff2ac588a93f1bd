package dev.towerline.server.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a server did with one raw request: answered (status, head, body), closed the connection
 * without a byte, or held it past the read bound.
 *
 * @param status the status code, or {@link #NONE} when nothing was answered
 * @param headers names matched ignoring case
 */
record RawAnswer(int status, String head, Map<String, List<String>> headers, String body, boolean held, long millis) {
  static final int NONE = -1;

  static RawAnswer closed(long millis) {
    return new RawAnswer(NONE, "", Map.of(), "", false, millis);
  }

  static RawAnswer held(String partialHead, long millis) {
    return new RawAnswer(NONE, partialHead, Map.of(), "", true, millis);
  }

  boolean answered() {
    return status != NONE;
  }

  boolean closedWithoutAnswer() {
    return status == NONE && !held && head.isEmpty();
  }

  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public String toString() {
    if (held) {
      return "held the connection for " + millis + " ms without a complete answer" + (head.isEmpty() ? "" : " (got: " + head.strip() + ")");
    }
    if (!answered() && !head.isEmpty()) {
      return "answered with bytes that are not HTTP after " + millis + " ms: " + head + body;
    }
    if (!answered()) {
      return "closed the connection without an answer after " + millis + " ms";
    }
    return "answered after " + millis + " ms:\n" + head + body;
  }
}
