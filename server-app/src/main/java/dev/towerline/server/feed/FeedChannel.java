package dev.towerline.server.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.log.EventLog;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed: its publisher (a single thread fed by a bounded queue, so publishing never blocks the
 * caller) that persists each event to the {@link EventLog} and only then hands it to the
 * subscribers, in seq order.
 */
final class FeedChannel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedChannel.class);
  /** Events waiting to be persisted; beyond this they are dropped with a warning. */
  static final int PUBLISH_QUEUE = 100_000;

  /** Receives the events of the feed, on the publisher thread: must not block. */
  interface Subscriber {
    void event(long seq, FeedEvent event, String frame);
  }

  private final Feed feed;
  private final EventLog eventLog;
  private final ObjectMapper json;
  private final ThreadPoolExecutor publisher;
  private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

  FeedChannel(Feed feed, EventLog eventLog, ObjectMapper json) {
    this.feed = feed;
    this.eventLog = eventLog;
    this.json = json;
    this.publisher =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(PUBLISH_QUEUE), task -> {
          Thread thread = new Thread(task, "towerline-feed-" + feed.value());
          thread.setDaemon(true);
          return thread;
        });
  }

  Feed feed() {
    return feed;
  }

  /** Queues an event; {@code eventAt} builds it with the seq it gets. Returns at once. */
  void publish(LongFunction<FeedEvent> eventAt) {
    try {
      publisher.execute(() -> appendAndFanOut(eventAt));
    } catch (RejectedExecutionException e) {
      log.warn("The {} feed dropped an event: its publish queue is full or it is stopping", feed.value());
    }
  }

  void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  private void appendAndFanOut(LongFunction<FeedEvent> eventAt) {
    FeedEvent[] built = new FeedEvent[1];
    String[] frame = new String[1];
    long seq;
    try {
      seq = eventLog.append(feed, s -> {
        built[0] = eventAt.apply(s);
        frame[0] = write(built[0]);
        return frame[0];
      });
    } catch (RuntimeException e) {
      log.warn("The {} feed could not persist an event, so it is not sent: {}", feed.value(), e.toString());
      return;
    }
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.event(seq, built[0], frame[0]);
      } catch (RuntimeException e) {
        log.warn("A subscriber of the {} feed failed: {}", feed.value(), e.toString());
      }
    }
  }

  private String write(FeedEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("feed event cannot be written as JSON", e);
    }
  }

  /** Lets queued events be persisted (bounded wait), then stops the publisher. */
  @Override
  public void close() {
    publisher.shutdown();
    try {
      publisher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.shutdownNow();
  }
}
