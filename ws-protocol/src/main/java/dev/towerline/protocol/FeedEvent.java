package dev.towerline.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame that is an event of a feed's log: it has a {@code seq}, is replayed on resume and is
 * returned by {@code GET /api/v1/events} with the same seq.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = DeviceUpdated.class, name = "device.updated"),
  @JsonSubTypes.Type(value = ExecutionUpdated.class, name = "execution.updated"),
  @JsonSubTypes.Type(value = ExecutionOutputChunk.class, name = "execution.output"),
  @JsonSubTypes.Type(value = Stats.class, name = "stats")
})
public interface FeedEvent extends Frame {
  /** Position in the feed's event log, strictly increasing by one per feed. */
  Long getSeq();
}
