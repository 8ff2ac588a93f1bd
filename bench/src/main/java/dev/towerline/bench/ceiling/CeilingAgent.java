package dev.towerline.bench.ceiling;

import jakarta.websocket.DeploymentException;
import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * Java agent entry point: starts the bare Grizzly server on 127.0.0.1 and the agent's port, with
 * a bare Tyrus endpoint at {@value #FEED_PATH} mounted as the server mounts its feeds.
 */
public final class CeilingAgent {
  static final String WEBSOCKET_ROOT = "/ws";
  static final String FEED_PATH = WEBSOCKET_ROOT + "/feed";

  private CeilingAgent() {}

  /** {@code agentArgs} is the port to listen on. */
  public static void premain(String agentArgs) throws IOException, DeploymentException {
    int port = Integer.parseInt(agentArgs.trim());
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("bench-ceiling", "127.0.0.1", port);
    // Without pings of its own, the ceiling's feed clients would be cut by the ≈ 30 s keep-alive idle timeout.
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    server.addListener(listener);
    CeilingFeed feed = new CeilingFeed();
    CeilingWebSockets webSockets = new CeilingWebSockets();
    webSockets.addEndpoint(feed.config("/feed"));
    webSockets.start(WEBSOCKET_ROOT, port);
    listener.registerAddOn(new WebSocketAddOn(webSockets, WEBSOCKET_ROOT));
    server.getServerConfiguration().addHttpHandler(new CeilingHandler(feed), "/");
    server.start();
  }
}
