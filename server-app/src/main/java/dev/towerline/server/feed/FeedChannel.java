package dev.towerline.server.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.feed.log.EventLogUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
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
 * subscribers, in seq order. While the database is unavailable the publisher holds the events
 * (up to {@value #PUBLISH_QUEUE}) and retries, so an outage delays them but loses none. Each
 * event is written as {@link EncodableJson} once, so what is stored, replayed and sent live can
 * always be sent.
 */
final class FeedChannel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedChannel.class);
  /** Events waiting to be persisted; beyond this they are dropped with a warning. */
  static final int PUBLISH_QUEUE = 100_000;
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

  /** Receives the events of the feed, on the publisher thread: must not block. */
  interface Subscriber {
    void event(long seq, FeedEvent event, String frame);
  }

  private final Feed feed;
  private final EventLog eventLog;
  private final ObjectMapper json;
  private final ThreadPoolExecutor publisher;
  private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
  private volatile boolean holding;

  FeedChannel(Feed feed, EventLog eventLog, ObjectMapper json, MeterRegistry meters) {
    this.feed = feed;
    this.eventLog = eventLog;
    this.json = json;
    this.publisher =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(PUBLISH_QUEUE), task -> {
          Thread thread = new Thread(task, "towerline-feed-" + feed.value());
          thread.setDaemon(true);
          return thread;
        });
    Gauge.builder("towerline.feed.events.waiting", this, FeedChannel::waiting)
        .description("Feed events not persisted yet; they are held while the database is unavailable")
        .tag("feed", feed.value())
        .register(meters);
  }

  Feed feed() {
    return feed;
  }

  /** Queues an event; {@code eventAt} builds it with the seq it gets. Returns at once. */
  void publish(LongFunction<FeedEvent> eventAt) {
    try {
      publisher.execute(() -> appendAndFanOutGuarded(eventAt));
    } catch (RejectedExecutionException e) {
      log.warn("The {} feed dropped an event: its publish queue is full or it is stopping", feed.value());
    }
  }

  /** Events queued or held for the database, not yet persisted nor sent. */
  int waiting() {
    return publisher.getQueue().size() + (holding ? 1 : 0);
  }

  void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** The publisher's task boundary: nothing one event does may end the publisher thread. */
  private void appendAndFanOutGuarded(LongFunction<FeedEvent> eventAt) {
    try {
      appendAndFanOut(eventAt);
    } catch (Throwable e) {
      log.error("The {} feed lost an event it could not publish: {}", feed.value(), e.toString());
    }
  }

  private void appendAndFanOut(LongFunction<FeedEvent> eventAt) {
    FeedEvent[] built = new FeedEvent[1];
    String[] frame = new String[1];
    long seq;
    try {
      seq = appendPatiently(s -> {
        built[0] = eventAt.apply(s);
        frame[0] = write(built[0]);
        return frame[0];
      });
    } catch (InterruptedException e) {
      log.warn("The {} feed stopped before the database took an event; it is not sent", feed.value());
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      log.warn("The {} feed could not persist an event, so it is not sent: {}", feed.value(), e.toString());
      return;
    }
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.event(seq, built[0], frame[0]);
      } catch (Throwable e) { // One subscriber must not keep the event from the others.
        log.warn("A subscriber of the {} feed failed on seq {}: {}", feed.value(), seq, e.toString());
      }
    }
  }

  /** Appends, retrying with backoff for as long as the database is unavailable. */
  private long appendPatiently(LongFunction<String> payloadAt) throws InterruptedException {
    Duration wait = FIRST_RETRY;
    try {
      while (true) {
        try {
          long seq = eventLog.append(feed, payloadAt);
          if (holding) {
            log.info("The {} feed persists events again; {} more are waiting", feed.value(), publisher.getQueue().size());
          }
          return seq;
        } catch (EventLogUnavailableException e) {
          if (!holding) {
            holding = true;
            log.warn("The {} feed holds its events until the database takes them ({} waiting): {}", feed.value(), waiting(), e.getMessage());
          }
          Thread.sleep(wait.toMillis());
          wait = Collections.min(List.of(wait.multipliedBy(2), LONGEST_RETRY));
        }
      }
    } finally {
      holding = false;
    }
  }

  private String write(FeedEvent event) {
    try {
      return EncodableJson.of(json.writeValueAsString(event));
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
