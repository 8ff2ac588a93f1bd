package dev.towerline.server.feed;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.protocol.Feed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed sends without flooding the log: one WARN line, without a stack trace, at most every
 * {@value #QUIET_SECONDS} seconds, saying how many more failed meanwhile; the others at DEBUG. A
 * cause that hits every client (the same bad frame for a thousand connections) makes one line,
 * not a thousand. {@code towerline_ws_send_failures_total} counts them all.
 */
final class SendFailureLog {
  private static final Logger log = LoggerFactory.getLogger(FeedSession.class);
  private static final long QUIET_SECONDS = 10;
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(QUIET_SECONDS);

  private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - QUIET_NANOS);
  private final AtomicLong unreported = new AtomicLong();

  void failed(String sessionId, Feed feed, Throwable cause) {
    long now = System.nanoTime();
    long last = lastWarned.get();
    if (now - last >= QUIET_NANOS && lastWarned.compareAndSet(last, now)) {
      log.warn(
          "WebSocket {} on the {} feed: a frame could not be sent ({}); closed with 1011 ({} more since the last such line)",
          sessionId, feed.value(), cause.toString(), unreported.getAndSet(0),
          kv("event", "ws_send_failed"), kv("session_id", sessionId), kv("feed", feed.value()));
    } else {
      unreported.incrementAndGet();
      log.debug("WebSocket {} on the {} feed: a frame could not be sent ({}); closed with 1011", sessionId, feed.value(), cause.toString());
    }
  }
}
