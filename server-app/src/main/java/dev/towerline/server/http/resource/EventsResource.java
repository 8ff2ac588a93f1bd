package dev.towerline.server.http.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.api.EventsApi;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.feed.log.StoredEventReader;
import dev.towerline.server.feed.log.EventLogUnavailableException;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.model.EventList;
import dev.towerline.server.model.EventListMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP fallback of the feeds: the event log read with the same seqs the WebSocket sends. Pages
 * are a keyset on seq; the page token is the feed and the last seq of the previous page.
 */
@Singleton
public final class EventsResource implements EventsApi {
  private static final String TOKEN_PREFIX = "events:";

  private final EventLog eventLog;
  private final StoredEventReader events;
  private final Clock clock;
  private final int defaultPageSize;
  private final long defaultSince;

  /** Parameters reach this class already checked against openapi.yaml; defaults come from it too. */
  @Inject
  public EventsResource(EventLog eventLog, ObjectMapper json, Clock clock, RequestContract contract) {
    this.eventLog = eventLog;
    this.events = new StoredEventReader(json);
    this.clock = clock;
    OperationRules operation = contract.require("listEvents");
    this.defaultPageSize = operation.parameterDefault("query", "page_size").asInt();
    this.defaultSince = operation.parameterDefault("query", "since").asLong();
  }

  @Override
  public Response listEvents(Feed feed, Long since, Integer pageSize, String pageToken) {
    if (feed == null) {
      throw invalid("feed", null, "is required");
    }
    int size = pageSize == null ? defaultPageSize : pageSize;
    long after = since == null ? defaultSince : since;
    boolean continuing = pageToken != null;
    if (continuing) {
      after = decode(pageToken, feed);
    }
    try {
      EventLog.Bounds bounds = eventLog.bounds(feed);
      String reason = null;
      if (after > bounds.latest()) {
        reason = "ahead_of_log";
      } else if (after > 0 && after < bounds.latest() && after < bounds.oldest() - 1) {
        reason = "too_old";
      }
      if (reason != null) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("feed", feed.value());
        details.put("requested_since", after);
        details.put("oldest_seq", bounds.oldest());
        details.put("latest_seq", bounds.latest());
        details.put("reason", reason);
        throw new ApiException(
            ErrorCode.RESYNC_REQUIRED,
            "Events after seq " + after + " cannot be served (" + reason + "); reload state and continue from latest_seq",
            details);
      }
      List<EventLog.StoredEvent> page = eventLog.after(feed, after, size);
      List<FeedEvent> data = new ArrayList<>(page.size());
      for (EventLog.StoredEvent stored : page) {
        events.read(feed, stored, "GET /api/v1/events").ifPresent(data::add);
      }
      EventListMetadata metadata =
          new EventListMetadata().pageSize(size).feed(feed).oldestSeq(bounds.oldest()).latestSeq(bounds.latest());
      if (!page.isEmpty() && page.size() == size && page.get(page.size() - 1).seq() < bounds.latest()) {
        metadata.nextPageToken(encode(feed, page.get(page.size() - 1).seq()));
      }
      return Response.ok(
              new EventList()
                  .data(data)
                  .metadata(metadata)
                  .timestamp(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)))
          .build();
    } catch (EventLogUnavailableException e) {
      throw new ApiException(ErrorCode.DATABASE_UNAVAILABLE, "The event log is not available: the database cannot be reached");
    }
  }

  private static String encode(Feed feed, long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + feed.value() + ":" + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String token, Feed feed) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String prefix = TOKEN_PREFIX + feed.value() + ":";
      if (!text.startsWith(prefix)) {
        throw new IllegalArgumentException("not a token of this feed");
      }
      long seq = Long.parseLong(text.substring(prefix.length()));
      if (seq < 0) {
        throw new IllegalArgumentException("negative seq");
      }
      return seq;
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ErrorCode.INVALID_PAGE_TOKEN, "page_token is not valid for this feed", Map.of("parameter", "page_token"));
    }
  }

  private static ApiException invalid(String parameter, String value, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("parameter", parameter);
    if (value != null) {
      details.put("value", value);
    }
    details.put("reason", reason);
    return new ApiException(ErrorCode.INVALID_PARAMETER, parameter + " " + reason, details);
  }
}
