package dev.towerline.server.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Feed;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed this build does not serve yet: on connect it sends one {@code error} frame ({@code
 * NOT_IMPLEMENTED}) and closes with 1011, so clients see an honest refusal rather than silence or
 * made-up events. Public only because Tyrus calls the callbacks reflectively.
 */
public final class UnavailableFeedEndpoint extends Endpoint {

  static final String CLOSE_REASON = "feed not implemented";

  private static final Logger log = LoggerFactory.getLogger(UnavailableFeedEndpoint.class);

  private final Feed feed;
  private final ObjectMapper json;
  private final Clock clock;

  UnavailableFeedEndpoint(Feed feed, ObjectMapper json, Clock clock) {
    this.feed = feed;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    try {
      session.getBasicRemote().sendText(errorFrame());
      session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, CLOSE_REASON));
    } catch (IOException e) {
      log.warn("Could not refuse a connection to the {} feed: {}", feed.value(), e.toString());
    }
  }

  @Override
  public void onError(Session session, Throwable failure) {
    log.warn("WebSocket failure on the {} feed", feed.value(), failure);
  }

  private String errorFrame() throws JsonProcessingException {
    ApiError error = new ApiError();
    error.setCode(ErrorCode.NOT_IMPLEMENTED);
    error.setMessage("The " + feed.value() + " feed is not available in this server build yet");
    ErrorFrame frame = new ErrorFrame();
    frame.setTs(OffsetDateTime.now(clock));
    frame.setError(error);
    return json.writeValueAsString(frame);
  }
}
