package dev.towerline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.server.adb.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedTicketsTest {
  private static final Actor CI = new Actor("ci", Role.VIEWER);

  @Test
  void aTicketOpensOnceForItsHolder() {
    FeedTickets tickets = new FeedTickets(MutableClock.atTheEpochOfTheTests());
    FeedTickets.Ticket ticket = tickets.issue(CI);

    assertThat(ticket.value()).startsWith("ft_").hasSize(46);
    assertThat(tickets.redeem(ticket.value())).contains(CI);
    assertThat(tickets.redeem(ticket.value())).isEmpty();
    assertThat(tickets.redeem("ft_unknown")).isEmpty();
  }

  @Test
  void aTicketExpiresThirtySecondsAfterItWasIssued() {
    MutableClock clock = MutableClock.atTheEpochOfTheTests();
    FeedTickets tickets = new FeedTickets(clock);
    FeedTickets.Ticket late = tickets.issue(CI);
    FeedTickets.Ticket inTime = tickets.issue(CI);
    assertThat(late.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));

    clock.advance(Duration.ofSeconds(29));
    assertThat(tickets.redeem(inTime.value())).contains(CI);
    clock.advance(Duration.ofSeconds(1));
    assertThat(tickets.redeem(late.value())).isEmpty();
  }
}
