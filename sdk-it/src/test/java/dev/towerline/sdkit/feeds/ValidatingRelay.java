package dev.towerline.sdkit.feeds;

import dev.towerline.testkit.ContractValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback between the SDK and the server that passes every byte through unchanged
 * and reads the server's WebSocket frames on the way: each text frame is checked by the contract
 * testkit ({@link ContractValidator#checkFrame}) for the feed its handshake named. So every frame
 * the SDK receives is validated without a hook in the SDK's public API. When the server is down,
 * the relay closes the client's connection, as a refused connection would end the handshake.
 */
final class ValidatingRelay implements AutoCloseable {

  private final int upstreamPort;
  private final ContractValidator contract;
  private final ServerSocket listener;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger framesChecked = new AtomicInteger();
  private final AtomicInteger upgrades = new AtomicInteger();

  ValidatingRelay(int upstreamPort, ContractValidator contract) throws IOException {
    this.upstreamPort = upstreamPort;
    this.contract = contract;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("relay-accept", this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  List<String> contractProblems() {
    return List.copyOf(problems);
  }

  int framesChecked() {
    return framesChecked.get();
  }

  /** Handshakes the server answered with 101. */
  int upgrades() {
    return upgrades.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(client);
      Socket server;
      try {
        server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
      } catch (IOException down) {
        closeQuietly(client);
        continue;
      }
      sockets.add(server);
      CompletableFuture<String> target = new CompletableFuture<>();
      daemon("relay-up", () -> clientToServer(client, server, target));
      daemon("relay-down", () -> serverToClient(server, client, target));
    }
  }

  private void clientToServer(Socket client, Socket server, CompletableFuture<String> target) {
    try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
      ByteArrayOutputStream requestLine = new ByteArrayOutputStream();
      int b;
      while (!target.isDone() && (b = in.read()) != -1) {
        out.write(b);
        if (b == '\n') {
          target.complete(requestLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        } else {
          requestLine.write(b);
        }
      }
      out.flush();
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      // Either side went away.
    } finally {
      target.complete("?");
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private void serverToClient(Socket server, Socket client, CompletableFuture<String> target) {
    try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
      String head = relayHead(in, out);
      if (head.startsWith("HTTP/1.1 101")) {
        upgrades.incrementAndGet();
        relayFrames(in, out, target.join());
      } else {
        in.transferTo(out);
      }
    } catch (IOException | RuntimeException e) {
      // Either side went away.
    } finally {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static String relayHead(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      out.write(b);
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        out.flush();
        return text;
      }
    }
    throw new IOException("server closed during the handshake");
  }

  private void relayFrames(InputStream in, OutputStream out, String feed) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      byte[] header = readExactly(in, 2);
      int first = header[0] & 0xff;
      int second = header[1] & 0xff;
      long length = second & 0x7f;
      byte[] extended = new byte[0];
      if (length == 126) {
        extended = readExactly(in, 2);
        length = ((extended[0] & 0xff) << 8) | (extended[1] & 0xff);
      } else if (length == 127) {
        extended = readExactly(in, 8);
        length = 0;
        for (byte part : extended) {
          length = (length << 8) | (part & 0xff);
        }
      }
      byte[] payload = readExactly(in, Math.toIntExact(length));
      out.write(header);
      out.write(extended);
      out.write(payload);
      out.flush();
      int opcode = first & 0x0f;
      if (opcode == 0x1 || opcode == 0x0) {
        message.write(payload);
        if ((first & 0x80) != 0) {
          check(feed, message.toString(StandardCharsets.UTF_8));
          message.reset();
        }
      }
    }
  }

  private void check(String feed, String json) {
    framesChecked.incrementAndGet();
    try {
      contract.checkFrame(feed, json);
    } catch (AssertionError | RuntimeException e) {
      problems.add(feed + ": " + e.getMessage() + " in " + json);
    }
  }

  private static byte[] readExactly(InputStream in, int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    if (bytes.length < count) {
      throw new IOException("connection closed");
    }
    return bytes;
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Gone already.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      sockets.forEach(ValidatingRelay::closeQuietly);
    }
  }
}
