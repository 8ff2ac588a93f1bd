package dev.towerline.client;

import java.time.OffsetDateTime;

/**
 * A one-time credential for opening one feed, from {@link TowerlineClient#createFeedTicket()}: for
 * a client that cannot send {@code Authorization} on a WebSocket handshake (a browser page), which
 * opens {@code /api/v1/ws/<feed>?ticket=<ticket>} instead. It opens one feed, once, as the holder
 * of the token that asked for it, until {@link #expiresAt()} (30 s on the server).
 *
 * <pre>{@code
 * FeedTicket ticket = towerline.createFeedTicket();
 * String url = "ws://lab-host:8080/api/v1/ws/devices?ticket=" + ticket.ticket();   // hand it to the page
 * }</pre>
 *
 * @param ticket opaque; pass it as the {@code ticket} query parameter of the feed's URL
 * @param expiresAt after this instant the ticket opens nothing
 */
public record FeedTicket(String ticket, OffsetDateTime expiresAt) {

  /** Leaves the ticket out: it is a credential until used, and records end up in logs. */
  @Override
  public String toString() {
    return "FeedTicket[expiresAt=" + expiresAt + "]";
  }
}
