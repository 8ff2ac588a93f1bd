package dev.towerline.server.feed;

import dev.towerline.protocol.Feed;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket endpoints of the feeds, one per {@link Feed}, at {@code /ws/<feed>} relative to
 * the API base path ({@code /api/v1/ws/devices}, ...).
 */
public final class FeedEndpoints {

  /** Path prefix of the feeds under the API base path. */
  public static final String PATH_PREFIX = "/ws/";

  private FeedEndpoints() {}

  static List<ServerEndpointConfig> of(FeedService service) {
    return Arrays.stream(Feed.values()).map(feed -> endpoint(feed, new FeedEndpoint(feed, service))).toList();
  }

  /** The feed served at {@code path} (relative to the API base path), if any. */
  static Optional<Feed> feedAt(String path) {
    return Arrays.stream(Feed.values()).filter(feed -> path.equals(PATH_PREFIX + feed.value())).findFirst();
  }

  private static ServerEndpointConfig endpoint(Feed feed, FeedEndpoint endpoint) {
    return ServerEndpointConfig.Builder.create(FeedEndpoint.class, PATH_PREFIX + feed.value())
        .configurator(
            new ServerEndpointConfig.Configurator() {
              // Per-connection state lives in the session, so one instance serves every connection of its feed.
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(endpoint);
              }
            })
        .build();
  }
}
