package dev.towerline.server.http.resource;

import dev.towerline.protocol.Feed;
import dev.towerline.server.api.EventsApi;
import dev.towerline.server.error.ApiException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/** The HTTP fallback of the feeds: declared by the contract, served once the event log exists. */
@Singleton
public final class EventsResource implements EventsApi {

  @Override
  public Response listEvents(Feed feed, Long since, Integer pageSize, String pageToken) {
    throw ApiException.notImplemented("listEvents");
  }
}
