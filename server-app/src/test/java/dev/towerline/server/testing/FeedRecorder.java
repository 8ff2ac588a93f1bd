package dev.towerline.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.testkit.ContractViolation;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client endpoint that records what the server sends, in order, for assertions:
 * {@link #assertNextText()}, {@link #assertNextClose()}, then {@link #assertExhausted()}. Every
 * text frame is checked against the feed's channel in asyncapi.yaml ({@link
 * RunningServer#CONTRACT}) as it arrives; a frame the contract does not allow is recorded as its
 * {@link ContractViolation}, which the next assertion throws.
 */
public final class FeedRecorder extends Endpoint {

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final boolean answerPings;
  private volatile Session session;

  public FeedRecorder() {
    this(false);
  }

  private FeedRecorder(boolean answerPings) {
    this.answerPings = answerPings;
  }

  /** A recorder that answers every {@code ping} frame with a {@code pong} (a live client). */
  public static FeedRecorder answeringPings() {
    return new FeedRecorder(true);
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    this.session = session;
    String feed = session.getRequestURI().toString();
    session.addMessageHandler(String.class, text -> {
      if (answerPings && text.contains("\"type\":\"ping\"")) {
        session.getAsyncRemote().sendText("{\"type\":\"pong\",\"ts\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC) + "\"}");
      }
      events.add(checked(feed, text));
    });
  }

  /** Skips frames until one matches {@code wanted} (failing on a close or a contract violation). */
  public String awaitText(java.util.function.Predicate<String> wanted) {
    while (true) {
      String text = assertNextText();
      if (wanted.test(text)) {
        return text;
      }
    }
  }

  /** Skips frames until the close. */
  public CloseReason awaitClose() {
    while (true) {
      Object next = next();
      if (next instanceof CloseReason close) {
        return close;
      }
    }
  }

  /** The frames received so far and not yet asserted, without waiting. */
  public java.util.List<String> drainTexts() {
    java.util.List<Object> taken = new java.util.ArrayList<>();
    events.drainTo(taken);
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (Object event : taken) {
      if (event instanceof ContractViolation violation) {
        throw violation;
      }
      if (event instanceof String text) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** Sends a text frame to the server. */
  public void sendText(String text) throws java.io.IOException {
    session.getBasicRemote().sendText(text);
  }

  /**
   * Sends {@code text} as one message in fragments of {@code fragmentChars} characters (a text
   * frame, then continuation frames), as a streaming client would.
   */
  public void sendTextInFragments(String text, int fragmentChars) throws java.io.IOException {
    for (int start = 0; start < text.length(); start += fragmentChars) {
      int end = Math.min(text.length(), start + fragmentChars);
      session.getBasicRemote().sendText(text.substring(start, end), end == text.length());
    }
  }

  /** Closes the connection from the client side. */
  public void close() throws java.io.IOException {
    Session open = session;
    if (open != null && open.isOpen()) {
      open.close();
    }
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
    for (Object event : events) {
      if (event instanceof ContractViolation) {
        throw (ContractViolation) event;
      }
    }
    assertThat(events).as("events not asserted").isEmpty();
  }

  /** The frame, or why the contract does not allow it (thrown on the test's thread, not Tyrus'). */
  private static Object checked(String feed, String text) {
    try {
      RunningServer.CONTRACT.checkFrame(feed, text);
      return text;
    } catch (ContractViolation violation) {
      return violation;
    }
  }

  private Object next() {
    try {
      Object next = events.poll(RunningServer.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(next).as("an event within %s", RunningServer.TIMEOUT).isNotNull();
      if (next instanceof ContractViolation) {
        throw (ContractViolation) next;
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
