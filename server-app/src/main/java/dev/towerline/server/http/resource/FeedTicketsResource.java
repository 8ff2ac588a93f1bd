package dev.towerline.server.http.resource;

import dev.towerline.server.api.FeedsApi;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.auth.FeedTickets;
import dev.towerline.server.model.FeedTicket;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;

/** Issues one-time feed tickets to the caller authentication found (one instance per request). */
public final class FeedTicketsResource implements FeedsApi {

  private final FeedTickets tickets;

  @Context private ContainerRequestContext request;

  @Inject
  public FeedTicketsResource(FeedTickets tickets) {
    this.tickets = tickets;
  }

  @Override
  public Response createFeedTicket() {
    FeedTickets.Ticket ticket = tickets.issue(Actor.of(request));
    return Response.status(Response.Status.CREATED)
        .entity(FeedTicket.builder().ticket(ticket.value()).expiresAt(ticket.expiresAt().atOffset(ZoneOffset.UTC)).build())
        .build();
  }
}
