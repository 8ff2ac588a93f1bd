package dev.towerline.server.feed;

import dev.towerline.protocol.Feed;
import dev.towerline.server.http.grizzly.HandshakeGuard;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Puts every feed handshake before the configured {@link HandshakeAuthorizer}. */
final class FeedHandshakeGuard implements HandshakeGuard {
  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private final HandshakeAuthorizer authorizer;

  FeedHandshakeGuard(HandshakeAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public Optional<Refusal> check(String path, Map<String, List<String>> headers, Map<String, List<String>> query) {
    Optional<Feed> feed = FeedEndpoints.feedAt(path);
    if (feed.isEmpty()) {
      // No endpoint listens there, so the handshake never reaches Tyrus (UnservedUpgradeFilter).
      return Optional.empty();
    }
    HandshakeDecision decision = authorizer.decide(new FeedHandshake(feed.get(), headers, query));
    if (decision instanceof HandshakeDecision.Refuse refuse) {
      Map<String, String> responseHeaders =
          refuse.challenge() == null ? Map.of() : Map.of(WWW_AUTHENTICATE, refuse.challenge());
      return Optional.of(new Refusal(refuse.code(), refuse.message(), responseHeaders));
    }
    return Optional.empty();
  }
}
