package dev.towerline.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * A real Tyrus server on loopback for the raw client's tests, with three endpoints: {@code /feed}
 * sends a snapshot-sized frame on open and records what clients send; {@code /refused} answers the
 * upgrade 403; {@code /full} closes every connection at once with 1013, as the server does at
 * {@code WS_MAX_CONNECTIONS}.
 */
final class ScriptedFeedServer implements AutoCloseable {
  static final String SNAPSHOT = "{\"type\":\"snapshot\",\"devices\":[" + "{\"serial\":\"x\"},".repeat(1200) + "{}]}";

  private final TyrusServerContainer container;
  private final int port;
  final Feed feed = new Feed();

  ScriptedFeedServer(int port) throws DeploymentException, IOException {
    this.port = port;
    this.container = (TyrusServerContainer) new GrizzlyServerContainer().createContainer(Map.of());
    container.addEndpoint(ServerEndpointConfig.Builder.create(Feed.class, "/feed").configurator(instance(feed)).build());
    container.addEndpoint(ServerEndpointConfig.Builder.create(Feed.class, "/refused").configurator(new ServerEndpointConfig.Configurator() {
      @Override
      public boolean checkOrigin(String originHeaderValue) {
        return false;
      }
    }).build());
    container.addEndpoint(ServerEndpointConfig.Builder.create(Full.class, "/full").build());
    container.start("/ws", port);
  }

  URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port + "/ws" + path);
  }

  private static ServerEndpointConfig.Configurator instance(Endpoint endpoint) {
    return new ServerEndpointConfig.Configurator() {
      @Override
      public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
      }
    };
  }

  @Override
  public void close() {
    container.stop();
  }

  /** Records what its clients send, one line each: "text …", "pong …", "close <code>". */
  public static final class Feed extends Endpoint {
    final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> heard.add("text " + text));
      session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
          heard.add("pong " + StandardCharsets.UTF_8.decode(pong.getApplicationData())));
      sessions.add(session);
      send(session, SNAPSHOT);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
      sessions.remove(session);
      heard.add("close " + closeReason.getCloseCode().getCode());
    }

    void broadcast(String text) {
      List.copyOf(sessions).forEach(session -> send(session, text));
    }

    void ping(String payload) {
      for (Session session : List.copyOf(sessions)) {
        try {
          session.getBasicRemote().sendPing(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    private static void send(Session session, String text) {
      try {
        session.getBasicRemote().sendText(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Refuses every connection as the server does at its connection limit. */
  public static final class Full extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
      try {
        session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "connection limit reached; try again later"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
