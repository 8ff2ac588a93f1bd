package dev.towerline.server.auth;

import dev.towerline.server.feed.FeedHandshake;
import dev.towerline.server.feed.HandshakeAuthorizer;
import dev.towerline.server.feed.HandshakeDecision;

/**
 * Authenticates feed handshakes with the same tokens as REST: {@code Authorization: Bearer} or,
 * because browsers cannot set headers on a WebSocket, {@code ?access_token=}. Every feed needs
 * {@code viewer}, which every role includes.
 */
public final class TokenHandshakeAuthorizer implements HandshakeAuthorizer {
  /** The query parameter a browser passes its token in. */
  public static final String ACCESS_TOKEN = "access_token";
  static final Role FEED_ROLE = Role.VIEWER;

  private final Authenticator authenticator;

  public TokenHandshakeAuthorizer(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public HandshakeDecision decide(FeedHandshake handshake) {
    Authenticator.Outcome outcome =
        authenticator.authenticate(
            handshake.header("Authorization").orElse(null), handshake.queryParameter(ACCESS_TOKEN).orElse(null));
    if (outcome instanceof Authenticator.Outcome.Refused refused) {
      return HandshakeDecision.unauthenticated(refused.challenge(), refused.message());
    }
    Actor actor = ((Authenticator.Outcome.Known) outcome).actor();
    if (!actor.role().includes(FEED_ROLE)) {
      return HandshakeDecision.forbidden(
          "Role " + actor.role().contractName() + " may not open the " + handshake.feed().value() + " feed; it needs "
              + FEED_ROLE.contractName());
    }
    return HandshakeDecision.allow();
  }
}
