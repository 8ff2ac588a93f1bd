package dev.towerline.sdkit.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Relays one WebSocket connection byte for byte, reading the server's frames on the way so that
 * each complete text message is handed to a checker. Compression is not offered to the server,
 * so every text frame it sends is plain UTF-8.
 */
final class WebSocketTunnel {

  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;

  private WebSocketTunnel() {}

  /**
   * @param onHandshake gets the server's handshake answer head and body when it is not 101
   * @param onText gets the feed path and each complete text message the server sent
   */
  static void run(HttpHead request, InputStream fromClient, Socket client, URI upstream, ExecutorService executor,
      HandshakeRefusal onHandshake, BiConsumer<String, String> onText) throws IOException {
    String feed = request.target();
    try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
      OutputStream toServer = server.getOutputStream();
      request.write(toServer, Set.of("sec-websocket-extensions"));
      toServer.flush();
      executor.submit(() -> pipe(fromClient, toServer, server));
      InputStream fromServer = new BufferedInputStream(server.getInputStream());
      OutputStream toClient = client.getOutputStream();
      HttpHead answer = HttpHead.read(fromServer);
      if (answer == null) {
        return;
      }
      answer.write(toClient, Set.of());
      if (answer.status() != 101) {
        byte[] body = answer.readBody(fromServer);
        toClient.write(body);
        toClient.flush();
        onHandshake.refused(feed, answer, new String(body, StandardCharsets.UTF_8));
        return;
      }
      toClient.flush();
      relayFrames(new DataInputStream(fromServer), toClient, text -> onText.accept(feed, text));
    }
  }

  /** What to do with a handshake the server answered over plain HTTP. */
  interface HandshakeRefusal {
    void refused(String feed, HttpHead answer, String body);
  }

  private static void relayFrames(DataInputStream in, OutputStream out, Consumer<String> onText)
      throws IOException {
    ByteArrayOutputStream message = null;
    while (true) {
      int first;
      try {
        first = in.readUnsignedByte();
      } catch (EOFException closed) {
        return;
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      byte[] extended = new byte[length == 126 ? 2 : length == 127 ? 8 : 0];
      in.readFully(extended);
      if (extended.length > 0) {
        length = 0;
        for (byte b : extended) {
          length = (length << 8) | (b & 0xff);
        }
      }
      byte[] mask = new byte[(second & 0x80) != 0 ? 4 : 0];
      in.readFully(mask);
      byte[] payload = in.readNBytes((int) length);
      out.write(first);
      out.write(second);
      out.write(extended);
      out.write(mask);
      out.write(payload);
      out.flush();
      int opcode = first & 0x0f;
      boolean fin = (first & 0x80) != 0;
      if (opcode == TEXT) {
        message = new ByteArrayOutputStream();
      }
      if ((opcode == TEXT || opcode == CONTINUATION) && message != null) {
        for (int i = 0; i < payload.length && mask.length > 0; i++) {
          payload[i] ^= mask[i % 4];
        }
        message.write(payload);
        if (fin) {
          onText.accept(message.toString(StandardCharsets.UTF_8));
          message = null;
        }
      }
    }
  }

  private static void pipe(InputStream in, OutputStream out, Socket server) {
    try {
      in.transferTo(out);
    } catch (IOException ignored) {
      // one side went away; closing the server side ends the relay of the other
    } finally {
      try {
        server.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}
