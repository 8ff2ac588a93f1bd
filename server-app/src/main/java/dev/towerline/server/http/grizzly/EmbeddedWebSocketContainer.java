package dev.towerline.server.http.grizzly;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Tyrus server container that opens no socket of its own: its endpoints are served by Tyrus'
 * {@code WebSocketAddOn} on the Jersey Grizzly listener, so REST and WebSocket share one port.
 * (Tyrus' {@code GrizzlyServerContainer} always starts a server of its own.) Endpoint paths are
 * relative to the context path given to the add-on and to {@link #start(String, int)}.
 */
public final class EmbeddedWebSocketContainer extends TyrusServerContainer {

  private final TyrusWebSocketEngine engine;
  private volatile String contextPath = "/";

  /**
   * @param readLimitBytes the largest frame read from a connection (Tyrus' incoming buffer); a
   *     larger one fails the connection instead of being held in memory
   */
  public EmbeddedWebSocketContainer(int readLimitBytes) {
    super(Set.<Class<?>>of());
    this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(readLimitBytes).build();
  }

  /**
   * Deploys the endpoints added so far under {@code rootPath}; opens no socket.
   *
   * @param port the shared listener's port, reported by {@link #getPort()}
   */
  @Override
  public void start(String rootPath, int port) throws java.io.IOException, DeploymentException {
    this.contextPath = rootPath;
    super.start(rootPath, port);
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    engine.register(endpointClass, contextPath);
  }

  @Override
  public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
    engine.register(serverEndpointConfig, contextPath);
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }
}
