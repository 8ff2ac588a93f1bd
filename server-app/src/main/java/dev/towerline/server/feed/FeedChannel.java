package dev.towerline.server.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.feed.log.EventLogUnavailableException;
import dev.towerline.server.feed.outbox.SharedTextFrame;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed: its publisher (a single thread fed by a bounded queue, so publishing never blocks the
 * caller) that persists the events to the {@link EventLog} and only then hands them to the
 * subscribers, in seq order. The events that wait when the publisher comes round are persisted
 * together, up to {@value #MAX_BATCH} in one commit, so a busy feed does not pay a commit per
 * event; an idle one still writes each event as it comes. While the database is unavailable the
 * publisher holds the events (up to {@value #PUBLISH_QUEUE}) and retries, so an outage delays them
 * but loses none. Each event is written as {@link EncodableJson} once, so what is stored, replayed
 * and sent live can always be sent, and encoded as a WebSocket frame once, shared by every
 * subscriber ({@link SharedTextFrame}).
 */
final class FeedChannel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedChannel.class);
  /** Events waiting to be persisted; beyond this they are dropped with a warning. */
  static final int PUBLISH_QUEUE = 100_000;
  /** Events persisted in one statement at most: bounds a write's time and size. */
  static final int MAX_BATCH = 64;
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);
  /** Queued by {@link #close()} behind the last event: the publisher ends when it takes it. */
  private static final LongFunction<FeedEvent> END = seq -> {
    throw new IllegalStateException("the end marker is not an event");
  };

  /** Receives the events of the feed, on the publisher thread: must not block. */
  interface Subscriber {
    /** {@code frame} is the same instance for every subscriber: write views of it, never alter it. */
    void event(long seq, FeedEvent event, SharedTextFrame frame);
  }

  private final Feed feed;
  private final EventLog eventLog;
  private final ObjectMapper json;
  private final BlockingQueue<LongFunction<FeedEvent>> queue = new ArrayBlockingQueue<>(PUBLISH_QUEUE);
  private final Thread publisher;
  private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
  private volatile boolean stopping;
  /** Events taken from the queue and not yet persisted (nor given up). */
  private volatile int inHand;
  private volatile boolean holding;

  FeedChannel(Feed feed, EventLog eventLog, ObjectMapper json, MeterRegistry meters) {
    this.feed = feed;
    this.eventLog = eventLog;
    this.json = json;
    this.publisher = new Thread(this::publishUntilEnd, "towerline-feed-" + feed.value());
    publisher.setDaemon(true);
    publisher.start();
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
    if (stopping || !queue.offer(eventAt)) {
      log.warn("The {} feed dropped an event: its publish queue is full or it is stopping", feed.value());
    }
  }

  /** Events queued or held for the database, not yet persisted nor sent. */
  int waiting() {
    return queue.size() + inHand;
  }

  void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  private void publishUntilEnd() {
    List<LongFunction<FeedEvent>> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      int end = batch.indexOf(END);
      List<LongFunction<FeedEvent>> events = end < 0 ? batch : batch.subList(0, end);
      inHand = events.size();
      boolean goOn;
      try {
        goOn = publishGuarded(events);
      } finally {
        inHand = 0;
      }
      if (!goOn || end >= 0) {
        return;
      }
      batch.clear();
    }
  }

  /**
   * The publisher's task boundary: nothing the events do may end the publisher thread.
   *
   * @return false when the publisher was interrupted and must end
   */
  private boolean publishGuarded(List<LongFunction<FeedEvent>> events) {
    if (events.isEmpty()) {
      return true;
    }
    try {
      appendAndFanOut(events);
      return true;
    } catch (InterruptedException e) {
      log.warn("The {} feed stopped before the database took {} events; they are not sent", feed.value(), events.size());
      return false;
    } catch (RuntimeException e) {
      if (events.size() == 1) {
        log.warn("The {} feed could not persist an event, so it is not sent: {}", feed.value(), e.toString());
        return true;
      }
      // Not the database: one of the events cannot be written. Each alone, so only that one is lost.
      for (LongFunction<FeedEvent> event : events) {
        if (!publishGuarded(List.of(event))) {
          return false;
        }
      }
      return true;
    } catch (Throwable e) {
      log.error("The {} feed lost {} events it could not publish: {}", feed.value(), events.size(), e.toString());
      return true;
    }
  }

  private void appendAndFanOut(List<LongFunction<FeedEvent>> events) throws InterruptedException {
    List<Rendered> rendered = new ArrayList<>(events.size());
    for (LongFunction<FeedEvent> eventAt : events) {
      rendered.add(new Rendered(eventAt));
    }
    List<Long> seqs = appendPatiently(rendered.stream().<LongFunction<String>>map(event -> event::frameAt).toList());
    inHand = 0;
    for (int i = 0; i < seqs.size(); i++) {
      fanOut(seqs.get(i), rendered.get(i));
    }
  }

  private void fanOut(long seq, Rendered rendered) {
    FeedEvent event = rendered.eventAt(seq);
    SharedTextFrame frame = new SharedTextFrame(rendered.frameAt(seq));
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.event(seq, event, frame);
      } catch (Throwable e) { // One subscriber must not keep the event from the others.
        log.warn("A subscriber of the {} feed failed on seq {}: {}", feed.value(), seq, e.toString());
      }
    }
  }

  /** Appends, retrying with backoff for as long as the database is unavailable. */
  private List<Long> appendPatiently(List<LongFunction<String>> payloadsAt) throws InterruptedException {
    Duration wait = FIRST_RETRY;
    try {
      while (true) {
        try {
          List<Long> seqs = eventLog.appendAll(feed, payloadsAt);
          if (holding) {
            log.info("The {} feed persists events again; {} more are waiting", feed.value(), queue.size());
          }
          return seqs;
        } catch (EventLogUnavailableException e) {
          if (!holding) {
            holding = true;
            if (e.beforeReady()) { // Devices are found before the schema is migrated at every start.
              log.info("The {} feed holds its events until the database is ready ({} waiting)", feed.value(), waiting());
            } else {
              log.warn("The {} feed holds its events until the database takes them ({} waiting): {}", feed.value(), waiting(), e.getMessage());
            }
          }
          Thread.sleep(wait.toMillis());
          wait = Collections.min(List.of(wait.multipliedBy(2), LONGEST_RETRY));
        }
      }
    } finally {
      holding = false;
    }
  }

  /** One event and its frame, built once per seq it is offered (the same seq again costs nothing). */
  private final class Rendered {
    private final LongFunction<FeedEvent> eventAt;
    private long seq = -1;
    private FeedEvent event;
    private String frame;

    Rendered(LongFunction<FeedEvent> eventAt) {
      this.eventAt = eventAt;
    }

    String frameAt(long seq) {
      if (this.seq != seq) {
        FeedEvent built = eventAt.apply(seq);
        frame = write(built);
        event = built;
        this.seq = seq;
      }
      return frame;
    }

    FeedEvent eventAt(long seq) {
      frameAt(seq);
      return event;
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
    stopping = true;
    if (!queue.offer(END)) {
      publisher.interrupt(); // The queue is full: what is still in it cannot be persisted in time anyway.
    }
    try {
      publisher.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.interrupt();
  }
}
