package dev.towerline.client;

import dev.towerline.testkit.ContractValidator;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted WebSocket server on loopback, written on raw sockets for full control (okhttp
 * MockWebServer style): each handshake takes the next scripted answer (accept by default, or
 * refuse with a status and envelope); the test then drives each accepted {@link Connection}: send
 * frames, close with a code, fall silent, drop the TCP connection. Every frame it sends is checked
 * against the contract ({@link #contractProblems()}), and so is every frame the client sends.
 */
final class FeedServer implements AutoCloseable {

  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A handshake answered with {@code status} and {@code body} instead of an upgrade. */
  record Refuse(int status, String body) {}

  private final ServerSocket listener;
  private final Thread acceptor;
  private final BlockingQueue<Refuse> refusals = new LinkedBlockingQueue<>();
  private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
  private final List<String> handshakes = Collections.synchronizedList(new ArrayList<>());
  private final List<Connection> all = Collections.synchronizedList(new ArrayList<>());
  private final List<String> contractProblems = Collections.synchronizedList(new ArrayList<>());
  private final ContractValidator validator = ContractValidator.forBundledContract();

  FeedServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "feed-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  /** The next handshake is refused; later ones are accepted again unless refused too. */
  FeedServer refuseNext(int status, String envelopeJson) {
    refusals.add(new Refuse(status, envelopeJson));
    return this;
  }

  /** The next accepted connection, waiting for it. */
  Connection awaitConnection() throws InterruptedException {
    Connection connection = connections.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (connection == null) {
      throw new AssertionError("no WebSocket connection within " + WAIT);
    }
    return connection;
  }

  /** True when no further connection arrives within {@code wait}. */
  boolean noConnectionWithin(Duration wait) throws InterruptedException {
    return connections.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  /** Request lines of every handshake, accepted or refused, in order. */
  List<String> handshakes() {
    return List.copyOf(handshakes);
  }

  List<String> contractProblems() {
    return List.copyOf(contractProblems);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Thread handshake = new Thread(() -> handshake(socket), "feed-server-conn");
        handshake.setDaemon(true);
        handshake.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handshake(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      List<String> lines = readHead(in);
      String target = lines.get(0).split(" ")[1];
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      handshakes.add(lines.get(0));
      OutputStream out = socket.getOutputStream();
      Refuse refuse = refusals.poll();
      if (refuse != null) {
        byte[] body = refuse.body().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + refuse.status() + " Refused\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        socket.close();
        return;
      }
      String accept = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest((headers.get("sec-websocket-key") + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
          + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Connection connection = new Connection(socket, target, headers);
      all.add(connection);
      connections.add(connection);
      connection.readLoop();
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      closeQuietly(socket);
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString().replace("\r", "");
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }
    throw new IOException("connection closed during the handshake");
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
    synchronized (all) {
      all.forEach(connection -> closeQuietly(connection.socket));
    }
  }

  /** One accepted WebSocket connection. */
  final class Connection {
    private final Socket socket;
    private final String target;
    private final Map<String, String> headers;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int clientCloseCode = -1;
    private boolean closeSent;

    private Connection(Socket socket, String target, Map<String, String> headers) {
      this.socket = socket;
      this.target = target;
      this.headers = headers;
    }

    /** The request target, e.g. {@code /api/v1/ws/devices?since=12}. */
    String target() {
      return target;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Sends one text frame, after checking it against the contract of this feed. */
    Connection send(String json) throws IOException {
      checkContract(json);
      writeFrame(0x1, json.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /**
     * Sends text frames in one write, each checked against the contract of this feed: the client
     * has them all before it handles the first, so a listener that closes on one still finds the
     * later ones already received.
     */
    Connection sendTogether(String... jsons) throws IOException {
      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      for (String json : jsons) {
        checkContract(json);
        frames.write(frame(0x1, json.getBytes(StandardCharsets.UTF_8)));
      }
      write(frames.toByteArray());
      return this;
    }

    /** Sends one text frame the contract does not (yet) know, as a newer server might. */
    Connection sendUnchecked(String json) throws IOException {
      writeFrame(0x1, json.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** Sends a close frame with {@code code} and waits (briefly) for the client to answer it. */
    void close(int code, String reason) throws IOException, InterruptedException {
      byte[] text = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = new byte[2 + text.length];
      payload[0] = (byte) (code >> 8);
      payload[1] = (byte) code;
      System.arraycopy(text, 0, payload, 2, text.length);
      synchronized (this) {
        closeSent = true;
      }
      writeFrame(0x8, payload);
      ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      closeQuietly(socket);
    }

    /** Drops the TCP connection without a close frame, as a crash or a cut cable would. */
    void drop() {
      closeQuietly(socket);
    }

    /** The next text frame the client sent. */
    String awaitText() throws InterruptedException {
      String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (text == null) {
        throw new AssertionError("the client sent no frame within " + WAIT);
      }
      return text;
    }

    /** Waits until the client closed or dropped the connection. */
    boolean awaitEnded(Duration wait) throws InterruptedException {
      return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The code of the client's close frame, -1 when it sent none. */
    int clientCloseCode() {
      return clientCloseCode;
    }

    private void checkContract(String json) {
      try {
        validator.checkFrame(target, json);
      } catch (AssertionError | RuntimeException e) {
        contractProblems.add(target + ": " + e.getMessage());
      }
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
      write(frame(opcode, payload));
    }

    private synchronized void write(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    }

    private static byte[] frame(int opcode, byte[] payload) {
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x80 | opcode);
      if (payload.length < 126) {
        frame.write(payload.length);
      } else if (payload.length < 65536) {
        frame.write(126);
        frame.write(payload.length >> 8);
        frame.write(payload.length);
      } else {
        frame.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          frame.write((int) ((long) payload.length >> shift));
        }
      }
      frame.writeBytes(payload);
      return frame.toByteArray();
    }

    private void readLoop() {
      try {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
          int first = in.readUnsignedByte();
          int second = in.readUnsignedByte();
          long length = second & 0x7f;
          if (length == 126) {
            length = in.readUnsignedShort();
          } else if (length == 127) {
            length = in.readLong();
          }
          byte[] mask = new byte[4];
          if ((second & 0x80) == 0) {
            throw new IOException("client frame not masked");
          }
          in.readFully(mask);
          byte[] payload = new byte[(int) length];
          in.readFully(payload);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
          int opcode = first & 0x0f;
          boolean fin = (first & 0x80) != 0;
          if (opcode == 0x8) {
            clientCloseCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            boolean answer;
            synchronized (this) {
              answer = !closeSent;
              closeSent = true;
            }
            if (answer) {
              writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
            }
            break;
          } else if (opcode == 0x9) {
            writeFrame(0xA, payload);
          } else if (opcode == 0x1 || opcode == 0x0) {
            message.write(payload);
            if (fin) {
              String text = message.toString(StandardCharsets.UTF_8);
              message.reset();
              checkContract(text);
              received.add(text);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // The client dropped the connection, or the test did.
      } finally {
        closeQuietly(socket);
        ended.countDown();
      }
    }
  }
}
