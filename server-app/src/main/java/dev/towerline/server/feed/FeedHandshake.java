package dev.towerline.server.feed;

import dev.towerline.protocol.Feed;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a feed's WebSocket handshake request says about its client.
 *
 * @param headers request headers; names are looked up case-insensitively, values as sent
 * @param query decoded query parameters
 */
public record FeedHandshake(Feed feed, Map<String, List<String>> headers, Map<String, List<String>> query) {

  public FeedHandshake {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), FeedHandshake::concat));
    headers = Collections.unmodifiableMap(byName);
    query = Map.copyOf(query);
  }

  /** The first value of header {@code name}, in any letter case. */
  public Optional<String> header(String name) {
    return first(headers.get(name));
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> queryParameter(String name) {
    return first(query.get(name));
  }

  private static Optional<String> first(List<String> values) {
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
