package dev.towerline.bench.ceiling;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/** Tyrus on the ceiling's Grizzly listener, as the server mounts it: deploys endpoints, opens no socket. */
final class CeilingWebSockets extends TyrusServerContainer {
  private final TyrusWebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();
  private volatile String contextPath = "/";

  CeilingWebSockets() {
    super(Set.<Class<?>>of());
  }

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
