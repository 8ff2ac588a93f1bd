package dev.towerline.server.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
      check(request, head, readBody(in, HttpAnswers.headers(head)));
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
      check(request, head, readBody(in, HttpAnswers.headers(head)));
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
        HttpAnswers.headers(head),
        new String(body, StandardCharsets.UTF_8));
  }

  /** The body as framed by Content-Length or chunked transfer coding, else up to the close. */
  private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    byte[] framed = HttpAnswers.framedBody(in, headers);
    return framed != null ? framed : in.readAllBytes();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    HttpAnswers.readHead(in, head);
    return head.toString(StandardCharsets.US_ASCII);
  }
}
