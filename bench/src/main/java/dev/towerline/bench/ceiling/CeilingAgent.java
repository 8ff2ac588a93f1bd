package dev.towerline.bench.ceiling;

import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/** Java agent entry point: starts the bare Grizzly server on 127.0.0.1 and the agent's port. */
public final class CeilingAgent {
  private CeilingAgent() {}

  /** {@code agentArgs} is the port to listen on. */
  public static void premain(String agentArgs) throws IOException {
    int port = Integer.parseInt(agentArgs.trim());
    HttpServer server = new HttpServer();
    server.addListener(new NetworkListener("bench-ceiling", "127.0.0.1", port));
    server.getServerConfiguration().addHttpHandler(new CeilingHandler(), "/");
    server.start();
  }
}
