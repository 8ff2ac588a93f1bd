package dev.towerline.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
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
      client.connectToServer(
          recorder, ClientEndpointConfig.Builder.create().build(), server.webSocketUri("/api/v1/ws/" + feedAndQuery));
      return recorder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (jakarta.websocket.DeploymentException e) {
      throw new IllegalStateException(e);
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
