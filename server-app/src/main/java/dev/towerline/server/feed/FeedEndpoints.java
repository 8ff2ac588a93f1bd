package dev.towerline.server.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Feed;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The WebSocket endpoints of the feeds, one per {@link Feed}, at {@code /ws/<feed>} relative to
 * the API base path ({@code /api/v1/ws/devices}, ...).
 */
public final class FeedEndpoints {

  /** Path prefix of the feeds under the API base path. */
  public static final String PATH_PREFIX = "/ws/";

  private FeedEndpoints() {}

  /** Endpoints that refuse every connection until the feeds are implemented. */
  public static List<ServerEndpointConfig> unavailable(ObjectMapper json, Clock clock) {
    return Arrays.stream(Feed.values())
        .map(feed -> endpoint(feed, new UnavailableFeedEndpoint(feed, json, clock)))
        .toList();
  }

  private static ServerEndpointConfig endpoint(Feed feed, UnavailableFeedEndpoint endpoint) {
    return ServerEndpointConfig.Builder.create(UnavailableFeedEndpoint.class, PATH_PREFIX + feed.value())
        .configurator(
            new ServerEndpointConfig.Configurator() {
              // Stateless, so one instance serves every connection of its feed.
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(endpoint);
              }
            })
        .build();
  }
}
