package dev.towerline.server.auth;

import dev.towerline.server.feed.FeedHandshake;
import dev.towerline.server.feed.HandshakeAuthorizer;
import dev.towerline.server.feed.HandshakeDecision;

/**
 * Authenticates feed handshakes with the same tokens as REST: {@code Authorization: Bearer} or,
 * because browsers cannot set headers on a WebSocket, a one-time {@code ?ticket=} ({@link
 * FeedTickets}) or {@code ?access_token=}. Every feed needs {@code viewer}, which every role
 * includes.
 */
public final class TokenHandshakeAuthorizer implements HandshakeAuthorizer {
  /** The query parameter a browser passes its token in. */
  public static final String ACCESS_TOKEN = "access_token";
  /** The query parameter a browser passes a one-time ticket in. */
  public static final String TICKET = "ticket";
  static final Role FEED_ROLE = Role.VIEWER;

  private final Authenticator authenticator;
  private final FeedTickets tickets;

  public TokenHandshakeAuthorizer(Authenticator authenticator, FeedTickets tickets) {
    this.authenticator = authenticator;
    this.tickets = tickets;
  }

  @Override
  public HandshakeDecision decide(FeedHandshake handshake) {
    Authenticator.Outcome outcome = authenticate(handshake);
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

  private Authenticator.Outcome authenticate(FeedHandshake handshake) {
    String authorization = handshake.header("Authorization").orElse(null);
    java.util.Optional<String> ticket = handshake.queryParameter(TICKET);
    if (authorization != null || ticket.isEmpty() || authenticator.mode() != AuthMode.TOKENS) {
      return authenticator.authenticate(authorization, handshake.queryParameter(ACCESS_TOKEN).orElse(null));
    }
    return tickets
        .redeem(ticket.get())
        .<Authenticator.Outcome>map(Authenticator.Outcome.Known::new)
        .orElseGet(() -> new Authenticator.Outcome.Refused(
            "The feed ticket is not valid: it is unknown, used or expired; ask for a new one", Authenticator.INVALID_TOKEN_CHALLENGE));
  }
}
