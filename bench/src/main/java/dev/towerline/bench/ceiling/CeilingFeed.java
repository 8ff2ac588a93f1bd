package dev.towerline.bench.ceiling;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A bare Tyrus endpoint that keeps its sessions and sends given text to all of them (public: Tyrus calls it reflectively). */
public final class CeilingFeed extends Endpoint {
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

  /** The endpoint's configuration at {@code path}: every connection gets this one instance. */
  ServerEndpointConfig config(String path) {
    return ServerEndpointConfig.Builder.create(CeilingFeed.class, path)
        .configurator(new ServerEndpointConfig.Configurator() {
          @Override
          public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(CeilingFeed.this);
          }
        })
        .build();
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    sessions.add(session);
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    sessions.remove(session);
  }

  @Override
  public void onError(Session session, Throwable error) {
    sessions.remove(session);
  }

  /** Sends {@code text} to every open session without waiting; answers how many. */
  int broadcast(String text) {
    int sent = 0;
    for (Session session : sessions) {
      if (session.isOpen()) {
        session.getAsyncRemote().sendText(text);
        sent++;
      }
    }
    return sent;
  }
}
