package dev.towerline.server.http.grizzly;

import dev.towerline.protocol.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time a client has to send a whole request, from its first byte to the last byte of its body.
 * A request still incomplete at the deadline (headers that never end, a body shorter than its
 * {@code Content-Length}, a chunked body without its last chunk) is answered 408 {@code
 * REQUEST_TIMEOUT} and its connection closed. Idle keep-alive connections and WebSockets have no
 * such deadline.
 *
 * <p>Only requests that do not arrive in one read cost a timer; the others only move the
 * connection's {@link ConnectionReadState}.
 */
final class RequestReadDeadlines implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RequestReadDeadlines.class);

  private final Duration timeout;
  private final EnvelopeWriter envelopes;
  private final ScheduledThreadPoolExecutor timers;
  private final Attribute<ConnectionReadState> states =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(RequestReadDeadlines.class.getName());

  RequestReadDeadlines(Duration timeout, EnvelopeWriter envelopes) {
    this.timeout = timeout;
    this.envelopes = envelopes;
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "towerline-request-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timers.setRemoveOnCancelPolicy(true);
  }

  /** The state of {@code connection}, created with its first read. */
  ConnectionReadState of(Connection<?> connection) {
    ConnectionReadState state = states.get(connection);
    if (state == null) {
      state = new ConnectionReadState();
      states.set(connection, state);
    }
    return state;
  }

  /** Starts a timer for the request being read on {@code connection}, if it has none yet. */
  void armIfStillReading(Connection<?> connection, ConnectionReadState state) {
    if (!state.isReadingWithoutTimer()) {
      return;
    }
    int generation = state.generation();
    long remaining = state.startedNanos() + timeout.toNanos() - System.nanoTime();
    ScheduledExecutorService scheduler = timers;
    state.timer(scheduler.schedule(() -> expire(connection, state, generation), Math.max(0, remaining), TimeUnit.NANOSECONDS));
  }

  private void expire(Connection<?> connection, ConnectionReadState state, int generation) {
    if (!state.expire(generation) || !connection.isOpen()) {
      return;
    }
    log.debug("A request on {} was not complete within {} ms; answering 408", connection.getPeerAddress(), timeout.toMillis());
    byte[] answer =
        envelopes.closingAnswer(
            ErrorCode.REQUEST_TIMEOUT,
            "The request was not received completely within " + timeout.toMillis() + " ms",
            Map.of("timeout_ms", timeout.toMillis()),
            Map.of());
    @SuppressWarnings("unchecked")
    Connection<Object> writable = (Connection<Object>) connection;
    writable.write(Buffers.wrap(connection.getMemoryManager(), answer), CloseAfterWrite.of(connection));
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
