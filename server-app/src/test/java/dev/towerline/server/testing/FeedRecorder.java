package dev.towerline.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client endpoint that records what the server sends, in order, for assertions:
 * {@link #assertNextText()}, {@link #assertNextClose()}, then {@link #assertExhausted()}.
 */
public final class FeedRecorder extends Endpoint {

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(String.class, events::add);
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    events.add(closeReason);
  }

  @Override
  public void onError(Session session, Throwable failure) {
    events.add(failure);
  }

  public String assertNextText() {
    Object next = next();
    assertThat(next).as("next event").isInstanceOf(String.class);
    return (String) next;
  }

  public CloseReason assertNextClose() {
    Object next = next();
    assertThat(next).as("next event").isInstanceOf(CloseReason.class);
    return (CloseReason) next;
  }

  public void assertExhausted() {
    assertThat(events).as("events not asserted").isEmpty();
  }

  private Object next() {
    try {
      Object next = events.poll(RunningServer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(next).as("an event within %s", RunningServer.TIMEOUT).isNotNull();
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
