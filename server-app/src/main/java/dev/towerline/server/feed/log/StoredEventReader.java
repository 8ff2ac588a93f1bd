package dev.towerline.server.feed.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stored rows of the event log back as events. A row that is not a frame any more (written
 * by another version, damaged) is skipped with a warning, so one bad row can stop neither a
 * WebSocket replay nor a page of {@code GET /api/v1/events}.
 */
public final class StoredEventReader {
  private static final Logger log = LoggerFactory.getLogger(StoredEventReader.class);

  private final ObjectMapper json;

  public StoredEventReader(ObjectMapper json) {
    this.json = json;
  }

  /** The event of {@code stored}; empty, with a warning naming {@code reader}, when it is unreadable. */
  public Optional<FeedEvent> read(Feed feed, EventLog.StoredEvent stored, String reader) {
    try {
      return Optional.of(json.readValue(stored.payload(), FeedEvent.class));
    } catch (JsonProcessingException e) {
      log.warn(
          "{}: seq {} of the {} feed is not a readable event and is skipped: {}",
          reader, stored.seq(), feed.value(), e.getOriginalMessage());
      return Optional.empty();
    }
  }
}
