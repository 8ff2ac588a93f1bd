package dev.towerline.server.hostile;

import dev.towerline.server.testing.HttpAnswers;
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
import java.util.List;
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
      if (!HttpAnswers.readHead(in, head)) {
        return head.size() == 0 ? RawAnswer.closed(elapsed(start)) : parse(head, new byte[0], start);
      }
      Map<String, List<String>> headers = HttpAnswers.headers(head.toString(StandardCharsets.ISO_8859_1));
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
    return new RawAnswer(status, head, HttpAnswers.headers(head), new String(body, StandardCharsets.UTF_8), false, elapsed(start));
  }

  private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
    byte[] framed = HttpAnswers.framedBody(in, headers);
    if (framed != null) {
      return framed;
    }
    List<String> connection = headers.getOrDefault("Connection", List.of());
    return connection.stream().anyMatch(c -> c.equalsIgnoreCase("close")) ? in.readAllBytes() : new byte[0];
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
