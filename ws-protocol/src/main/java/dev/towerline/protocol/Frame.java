package dev.towerline.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.OffsetDateTime;

/**
 * Any WebSocket frame of the Towerline feeds. Jackson reads a frame into its concrete class by
 * its {@code type} field, e.g. {@code mapper.readValue(text, Frame.class)}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ConnectionAck.class, name = "connection_ack"),
  @JsonSubTypes.Type(value = Snapshot.class, name = "snapshot"),
  @JsonSubTypes.Type(value = ResyncRequired.class, name = "resync_required"),
  @JsonSubTypes.Type(value = DeviceUpdated.class, name = "device.updated"),
  @JsonSubTypes.Type(value = ExecutionUpdated.class, name = "execution.updated"),
  @JsonSubTypes.Type(value = ExecutionOutputChunk.class, name = "execution.output"),
  @JsonSubTypes.Type(value = Stats.class, name = "stats"),
  @JsonSubTypes.Type(value = Ping.class, name = "ping"),
  @JsonSubTypes.Type(value = Pong.class, name = "pong"),
  @JsonSubTypes.Type(value = ErrorFrame.class, name = "error")
})
public interface Frame {
  /** When the frame was sent or the event happened; may be absent only on a client's {@code pong}. */
  OffsetDateTime getTs();
}
