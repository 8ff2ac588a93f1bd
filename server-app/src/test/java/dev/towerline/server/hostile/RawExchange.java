package dev.towerline.server.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes bytes no well-behaved HTTP client would on a fresh socket and reads one answer, framed by
 * its {@code Content-Length} or chunks, so a kept-alive connection does not count as held. The
 * answer is read for at most {@link #READ_BOUND}: the longest a server may keep an incomplete or
 * malformed request (issue 9: 10 s or less by default) plus slack for a loaded machine.
 */
final class RawExchange {
  /** The documented idle bound (10 s) plus 3 s of slack. */
  static final Duration READ_BOUND = Duration.ofSeconds(13);

  private RawExchange() {}

  static RawAnswer send(int port, String request) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends {@code request}, leaves the socket open for writing, and reads one answer. */
  static RawAnswer send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) READ_BOUND.toMillis());
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException refusedMidWrite) {
        // The server may answer and close before reading everything (e.g. an oversized body).
      }
      return read(socket.getInputStream(), start);
    }
  }

  /** Reads one answer from {@code input}; {@code start} is {@link System#nanoTime()} when the request went out. */
  static RawAnswer read(InputStream input, long start) throws IOException {
    InputStream in = new BufferedInputStream(input);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          return head.size() == 0 ? RawAnswer.closed(elapsed(start)) : parse(head, new byte[0], start);
        }
        head.write(next);
      }
      Map<String, List<String>> headers = headers(head.toString(StandardCharsets.ISO_8859_1));
      return parse(head, body(in, headers), start);
    } catch (SocketTimeoutException e) {
      return RawAnswer.held(head.toString(StandardCharsets.ISO_8859_1), elapsed(start));
    } catch (SocketException reset) {
      return head.size() == 0 ? RawAnswer.closed(elapsed(start)) : parse(head, new byte[0], start);
    }
  }

  private static RawAnswer parse(ByteArrayOutputStream headBytes, byte[] body, long start) {
    String head = headBytes.toString(StandardCharsets.ISO_8859_1);
    String[] statusLine = head.split("\r\n", 2)[0].split(" ");
    int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : RawAnswer.NONE;
    if (status == RawAnswer.NONE) {
      // Bytes that are not an HTTP answer: reported whole, so the failure shows them.
      return new RawAnswer(RawAnswer.NONE, head, Map.of(), new String(body, StandardCharsets.UTF_8), false, elapsed(start));
    }
    return new RawAnswer(status, head, headers(head), new String(body, StandardCharsets.UTF_8), false, elapsed(start));
  }

  static Map<String, List<String>> headers(String head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    if (encoding.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("chunked"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        readLine(in);
      }
      return body.toByteArray();
    }
    List<String> length = headers.getOrDefault("content-length", List.of());
    if (!length.isEmpty()) {
      return in.readNBytes(Integer.parseInt(length.get(0).trim()));
    }
    List<String> connection = headers.getOrDefault("connection", List.of());
    return connection.stream().anyMatch(c -> c.equalsIgnoreCase("close")) ? in.readAllBytes() : new byte[0];
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

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
