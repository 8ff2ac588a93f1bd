package dev.towerline.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.glassfish.tyrus.client.ClientManager;

/** Connects feed clients (Tyrus) to a {@link RunningServer} and reads their frames as JSON. */
public final class Feeds implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunningServer server;
  private final ClientManager client = ClientManager.createClient();

  public Feeds(RunningServer server) {
    this.server = server;
  }

  /** Connects {@code recorder} to {@code /api/v1/ws/<pathAndQuery>}. */
  public FeedRecorder connect(FeedRecorder recorder, String feedAndQuery) {
    try {
      return connectWithHeaders(recorder, feedAndQuery, Map.of());
    } catch (DeploymentException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connects {@code recorder} with extra handshake headers.
   *
   * @throws DeploymentException when the server refuses the handshake
   */
  public FeedRecorder connectWithHeaders(FeedRecorder recorder, String feedAndQuery, Map<String, String> headers)
      throws DeploymentException {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> request) {
                    headers.forEach((name, value) -> request.put(name, List.of(value)));
                  }
                })
            .build();
    try {
      client.connectToServer(recorder, config, server.webSocketUri("/api/v1/ws/" + feedAndQuery));
      return recorder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FeedRecorder connect(String feedAndQuery) {
    return connect(new FeedRecorder(), feedAndQuery);
  }

  public static JsonNode parse(String frame) {
    try {
      return JSON.readTree(frame);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String type(String frame) {
    return parse(frame).path("type").asText();
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
