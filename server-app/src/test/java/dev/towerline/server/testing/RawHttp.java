package dev.towerline.server.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends bytes no well-behaved client would, and reads the answer. Whatever comes back is still
 * checked against the contract ({@link RunningServer#CONTRACT}) for the request line sent.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Writes {@code request} verbatim and returns the status line and headers (the body is read and checked too). */
  public static String exchangeHead(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) RunningServer.TIMEOUT.toMillis() / 2);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      check(request, head, readBody(in, headers(head)));
      return head;
    }
  }

  /** Writes {@code request} verbatim and returns the whole answer of a closing server. */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) RunningServer.TIMEOUT.toMillis() / 2);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = socket.getInputStream().readAllBytes();
      InputStream in = new ByteArrayInputStream(answer);
      String head = readHead(in);
      check(request, head, readBody(in, headers(head)));
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  private static void check(String request, String head, byte[] body) {
    String[] requestLine = request.substring(0, request.indexOf("\r\n")).split(" ");
    String[] statusLine = head.substring(0, head.indexOf("\r\n")).split(" ");
    RunningServer.CONTRACT.checkResponse(
        requestLine[0],
        requestLine[1],
        Integer.parseInt(statusLine[1]),
        headers(head),
        new String(body, StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> headers(String head) {
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

  /** The body as framed by Content-Length or chunked transfer coding, else up to the close. */
  private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
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
    return length.isEmpty() ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
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
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.write(next);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
