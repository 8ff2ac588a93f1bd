package dev.towerline.server.auth;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that open one feed for a browser, which cannot send a token in a WebSocket
 * handshake's header: issued to an authenticated caller, redeemed once by a handshake's {@code
 * ?ticket=} within {@link #VALIDITY}, then gone. Held in memory only, by hash, like tokens.
 */
public final class FeedTickets {
  /** Long enough for a page to open its socket, short enough that a logged URL is useless. */
  public static final Duration VALIDITY = Duration.ofSeconds(30);
  /** Outstanding tickets at most; far above what rate-limited callers can ask for in 30 s. */
  static final int MAX_OUTSTANDING = 10_000;
  static final String PREFIX = "ft_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<TokenHash, Issued> outstanding = new ConcurrentHashMap<>();

  public FeedTickets(Clock clock) {
    this.clock = clock;
  }

  /** A ticket and when it stops being valid. */
  public record Ticket(String value, Instant expiresAt) {}

  private record Issued(Actor actor, Instant expiresAt) {}

  /**
   * A new ticket that opens one feed as {@code actor}.
   *
   * @throws ApiException {@code SERVICE_UNAVAILABLE} when {@link #MAX_OUTSTANDING} tickets are
   *     still valid
   */
  public Ticket issue(Actor actor) {
    Instant now = clock.instant();
    outstanding.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
    if (outstanding.size() >= MAX_OUTSTANDING) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE, "Too many feed tickets are outstanding; retry shortly", Map.of(), VALIDITY, null);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = now.plus(VALIDITY);
    outstanding.put(TokenHash.of(value), new Issued(actor, expiresAt));
    return new Ticket(value, expiresAt);
  }

  /** The actor a valid ticket was issued to; the ticket is used up. Empty when unknown, used or expired. */
  public Optional<Actor> redeem(String ticket) {
    Issued issued = outstanding.remove(TokenHash.of(ticket));
    if (issued == null || !issued.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(issued.actor());
  }
}
