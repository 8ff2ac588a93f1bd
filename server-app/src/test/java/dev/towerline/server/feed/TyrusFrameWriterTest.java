package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.server.feed.outbox.SharedTextFrame;
import dev.towerline.server.http.grizzly.EmbeddedWebSocketContainer;
import dev.towerline.server.testing.RawWebSocket;
import dev.towerline.server.testing.RunningServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The raw frame writer on real Tyrus connections (Grizzly on loopback, as the server runs them):
 * it is found for a plain connection, writes what it is given as it is and says when it is
 * written, and is not used where an extension was negotiated.
 */
class TyrusFrameWriterTest {
  private static final String EXTENSION = "x-towerline-test";
  private static final String ROOT = "/ws";

  private final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();
  private HttpServer http;
  private int port;

  @BeforeEach
  void start() throws Exception {
    http = new HttpServer();
    NetworkListener listener = new NetworkListener("test", "127.0.0.1", 0);
    http.addListener(listener);
    EmbeddedWebSocketContainer webSockets = new EmbeddedWebSocketContainer(64 * 1024);
    webSockets.addEndpoint(endpoint("/plain", List.of()));
    webSockets.addEndpoint(endpoint("/extended", List.of(new TyrusExtension(EXTENSION))));
    webSockets.start(ROOT, 0);
    listener.registerAddOn(new WebSocketAddOn(webSockets, ROOT));
    http.start();
    port = listener.getPort();
  }

  @AfterEach
  void stop() {
    http.shutdownNow();
  }

  @Test
  void writesTheSameEncodedFrameToEachConnectionAndReportsEachWritten() throws Exception {
    SharedTextFrame frame = new SharedTextFrame("{\"type\":\"device.updated\",\"seq\":1," + "\"pad\":\"" + "x".repeat(300) + "\"}");
    try (RawWebSocket first = RawWebSocket.connect(port, ROOT + "/plain"); RawWebSocket second = RawWebSocket.connect(port, ROOT + "/plain")) {
      for (Session session : List.of(nextOpened(), nextOpened())) {
        TyrusFrameWriter writer = TyrusFrameWriter.of(session);
        assertThat(writer).as("a writer for a plain Tyrus connection").isNotNull();
        CompletableFuture<Optional<Throwable>> done = new CompletableFuture<>();

        writer.write(frame.bytes(), failure -> done.complete(Optional.ofNullable(failure)));

        assertThat(done.get(RunningServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
      }

      byte[] expected = toArray(frame.bytes());
      assertThat(first.readWire()).isEqualTo(expected);
      assertThat(second.readWire()).isEqualTo(expected);
    }
  }

  @Test
  void framesWrittenBeforeTheContainersCloseFrameReachTheClientWholeAndBeforeIt() throws Exception {
    int frames = 200;
    try (RawWebSocket client = RawWebSocket.connect(port, ROOT + "/plain")) {
      Session session = nextOpened();
      TyrusFrameWriter writer = TyrusFrameWriter.of(session);
      CountDownLatch written = new CountDownLatch(frames);
      for (int seq = 0; seq < frames; seq++) {
        writer.write(new SharedTextFrame("{\"seq\":" + seq + ",\"pad\":\"" + "y".repeat(seq * 7) + "\"}").bytes(), failure -> {
          if (failure == null) {
            written.countDown();
          }
        });
      }
      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));

      for (int seq = 0; seq < frames; seq++) {
        RawWebSocket.Frame frame = client.read();
        assertThat(frame.opcode()).as("frame %d", seq).isEqualTo(RawWebSocket.TEXT);
        assertThat(frame.text()).startsWith("{\"seq\":" + seq + ",");
      }
      assertThat(client.read().closeCode()).isEqualTo(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode());
      assertThat(written.await(RunningServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("every write reported done").isTrue();
    }
  }

  @Test
  void aConnectionWithANegotiatedExtensionIsLeftToTheContainer() throws Exception {
    String extensionOffered = "Host: 127.0.0.1:" + port + "\r\nSec-WebSocket-Extensions: " + EXTENSION + "\r\n";
    try (RawWebSocket client = RawWebSocket.connect(port, ROOT + "/extended", RunningServer.TIMEOUT, extensionOffered)) {
      assertThat(client.handshakeResponse()).contains(EXTENSION);

      assertThat(TyrusFrameWriter.of(nextOpened())).isNull();
    }
  }

  @Test
  void aClosedConnectionRefusesTheWriteAsSendTextDoes() throws Exception {
    try (RawWebSocket client = RawWebSocket.connect(port, ROOT + "/plain")) {
      Session session = nextOpened();
      TyrusFrameWriter writer = TyrusFrameWriter.of(session);
      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));

      assertThatThrownBy(() -> writer.write(new SharedTextFrame("{}").bytes(), failure -> {}))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> session.getAsyncRemote().sendText("{}", result -> {})).isInstanceOf(IllegalStateException.class);
    }
  }

  private ServerEndpointConfig endpoint(String path, List<Extension> extensions) {
    OpenedSessions endpoint = new OpenedSessions(opened);
    return ServerEndpointConfig.Builder.create(OpenedSessions.class, path)
        .extensions(extensions)
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(endpoint);
              }
            })
        .build();
  }

  /** Hands every connection it gets to the test. */
  public static final class OpenedSessions extends Endpoint {
    private final BlockingQueue<Session> opened;

    OpenedSessions(BlockingQueue<Session> opened) {
      this.opened = opened;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      opened.add(session);
    }
  }

  private Session nextOpened() throws InterruptedException {
    Session session = opened.poll(RunningServer.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(session).as("a connection opened on the server").isNotNull();
    return session;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
