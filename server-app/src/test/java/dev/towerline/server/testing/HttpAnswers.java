package dev.towerline.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an HTTP/1.1 answer off a raw socket: its head, its header fields, its body as framed by
 * {@code Content-Length} or chunks. Shared by {@link RawHttp} (exchanges whose answer is checked
 * against the contract) and the hostile suite's {@code RawExchange} (abuse, where an answer may be
 * partial, held or missing); each decides itself what an unframed body or a cut-off head means.
 */
public final class HttpAnswers {
  private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

  private HttpAnswers() {}

  /**
   * Reads the status line and header fields into {@code head}, up to and including the blank line
   * that ends them: true then, false when the stream ended first. Bytes read before an exception
   * are in {@code head} too.
   */
  public static boolean readHead(InputStream in, ByteArrayOutputStream head) throws IOException {
    int last4 = 0;
    while (true) {
      int next = in.read();
      if (next < 0) {
        return false;
      }
      head.write(next);
      last4 = (last4 << 8) | next;
      if (head.size() >= 4 && last4 == END_OF_HEAD) {
        return true;
      }
    }
  }

  /** The header fields of {@code head} (status line first), values trimmed, names matched ignoring case. */
  public static Map<String, List<String>> headers(String head) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /**
   * The body as framed by chunked transfer coding or {@code Content-Length} (chunked first, as
   * RFC 9112 §6.3 orders them); null when {@code headers} frame it neither way.
   */
  public static byte[] framedBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    List<String> encoding = headers.getOrDefault("Transfer-Encoding", List.of());
    if (encoding.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("chunked"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        readLine(in);
      }
      return body.toByteArray();
    }
    List<String> length = headers.getOrDefault("Content-Length", List.of());
    return length.isEmpty() ? null : in.readNBytes(Integer.parseInt(length.get(0).trim()));
  }

  private static int chunkSize(InputStream in) throws IOException {
    String line = readLine(in);
    int extension = line.indexOf(';');
    String hex = (extension >= 0 ? line.substring(0, extension) : line).trim();
    return hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
      if (next != '\r') {
        line.write(next);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
