package dev.towerline.sdkit.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The start line and header fields of one HTTP/1.1 message, as read from a socket. */
record HttpHead(String startLine, List<Map.Entry<String, String>> fields) {

  private static final int MAX_HEAD_BYTES = 64 * 1024;

  /** Reads up to the blank line; null when the peer closed before a new message began. */
  static HttpHead read(InputStream in) throws IOException {
    String start = line(in);
    if (start == null) {
      return null;
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    int size = start.length();
    for (String field = line(in); field != null && !field.isEmpty(); field = line(in)) {
      size += field.length();
      if (size > MAX_HEAD_BYTES) {
        throw new IOException("HTTP head over " + MAX_HEAD_BYTES + " bytes");
      }
      int colon = field.indexOf(':');
      if (colon > 0) {
        fields.add(Map.entry(field.substring(0, colon).trim(), field.substring(colon + 1).trim()));
      }
    }
    return new HttpHead(start, List.copyOf(fields));
  }

  String method() {
    return startLine.split(" ", 3)[0];
  }

  /** The request target as sent, e.g. {@code /api/v1/devices?page_size=2}. */
  String target() {
    return startLine.split(" ", 3)[1];
  }

  /** The status of a response head. */
  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  String field(String name) {
    return fields.stream().filter(f -> f.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
  }

  boolean fieldContains(String name, String token) {
    String value = field(name);
    return value != null && value.toLowerCase(Locale.ROOT).contains(token);
  }

  /** Header fields by lower-case name, as {@code HttpHeaders.map()} gives them. */
  Map<String, List<String>> fieldMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    fields.forEach(f -> map.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue()));
    return map;
  }

  /** Writes the head again, leaving out the fields named in {@code drop} (lower case). */
  void write(OutputStream out, Set<String> drop) throws IOException {
    StringBuilder head = new StringBuilder(startLine).append("\r\n");
    fields.stream()
        .filter(f -> !drop.contains(f.getKey().toLowerCase(Locale.ROOT)))
        .forEach(f -> head.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n"));
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The body that follows a head with {@code Content-Length} or chunked framing; empty for none. */
  byte[] readBody(InputStream in) throws IOException {
    if (fieldContains("transfer-encoding", "chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
        body.write(in.readNBytes(size));
        line(in);
      }
      for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
        // trailers are dropped
      }
      return body.toByteArray();
    }
    String length = field("content-length");
    return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
  }

  private static int chunkSize(String line) throws IOException {
    if (line == null) {
      throw new IOException("connection closed inside a chunked body");
    }
    int extension = line.indexOf(';');
    return Integer.parseInt((extension >= 0 ? line.substring(0, extension) : line).trim(), 16);
  }

  /** One line without its CRLF; null at end of stream before any byte. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      if (line.size() > MAX_HEAD_BYTES) {
        throw new IOException("HTTP line over " + MAX_HEAD_BYTES + " bytes");
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
