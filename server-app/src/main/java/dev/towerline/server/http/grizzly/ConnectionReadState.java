package dev.towerline.server.http.grizzly;

import java.util.concurrent.ScheduledFuture;

/**
 * Where one connection is in reading its current request, for {@link RequestReadDeadlines}. Worker
 * threads move it along as bytes arrive; the timer thread only ever expires it.
 */
final class ConnectionReadState {

  enum Phase {
    /** Between requests (or before the first): no deadline; keep-alive idling is Grizzly's business. */
    IDLE,
    /** Bytes of a request arrived but it is not complete yet: the deadline runs. */
    READING,
    /** The whole request (or as much as the body limit allows) went to the application. */
    DISPATCHED,
    /** A WebSocket now; its feed keeps its own heartbeat. */
    UPGRADED,
    /** The deadline passed; the 408 is on its way and the connection closes. */
    EXPIRED
  }

  private Phase phase = Phase.IDLE;
  private long startedNanos;
  private int generation;
  private ScheduledFuture<?> timer;
  private Object dispatchedRequest;
  private Object continuedRequest;
  private boolean closeAfterAnswer;

  /** Starts the clock if this is the first byte of a new request. */
  synchronized void bytesArrived(long nowNanos) {
    if (phase == Phase.IDLE) {
      phase = Phase.READING;
      startedNanos = nowNanos;
      generation++;
    }
  }

  /**
   * {@code request}'s body is still arriving. Starts its clock if the connection was not reading yet
   * (a pipelined request whose bytes came with the one before).
   */
  synchronized void stillReading(Object request, long nowNanos) {
    if (phase == Phase.IDLE || (phase == Phase.DISPATCHED && dispatchedRequest != request)) {
      phase = Phase.READING;
      dispatchedRequest = null;
      startedNanos = nowNanos;
      generation++;
      stopTimer();
    }
  }

  /** True the first time it is asked about {@code request}: one interim answer per request. */
  synchronized boolean continueOnce(Object request) {
    if (continuedRequest == request) {
      return false;
    }
    continuedRequest = request;
    return true;
  }

  synchronized boolean isReadingWithoutTimer() {
    return phase == Phase.READING && timer == null;
  }

  synchronized boolean isExpired() {
    return phase == Phase.EXPIRED;
  }

  synchronized long startedNanos() {
    return startedNanos;
  }

  synchronized int generation() {
    return generation;
  }

  synchronized void timer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  /** Whether {@code request} already went to the application (later chunks of its body follow it there). */
  synchronized boolean isDispatched(Object request) {
    return phase == Phase.DISPATCHED && dispatchedRequest == request;
  }

  synchronized void dispatched(Object request) {
    if (phase != Phase.EXPIRED && phase != Phase.UPGRADED) {
      phase = Phase.DISPATCHED;
      dispatchedRequest = request;
      continuedRequest = null;
      stopTimer();
    }
  }

  /** {@code request} went on with part of its body, the rest will not be read: close after the answer. */
  synchronized void dispatchedUnread(Object request) {
    dispatched(request);
    closeAfterAnswer = phase == Phase.DISPATCHED;
  }

  synchronized void upgraded() {
    if (phase != Phase.EXPIRED) {
      phase = Phase.UPGRADED;
      dispatchedRequest = null;
      stopTimer();
    }
  }

  /**
   * The answer to the dispatched request is complete: the connection idles until the next request.
   *
   * @return whether the connection must close now, since the request's body was left unread
   */
  synchronized boolean answered() {
    if (phase != Phase.DISPATCHED) {
      return false;
    }
    // Grizzly reuses request objects: forget this one, so a later request is never taken for it.
    phase = Phase.IDLE;
    dispatchedRequest = null;
    boolean close = closeAfterAnswer;
    closeAfterAnswer = false;
    return close;
  }

  /** Expires the request of {@code generation} if it is still being read; true if it did. */
  synchronized boolean expire(int generation) {
    if (phase != Phase.READING || this.generation != generation) {
      return false;
    }
    phase = Phase.EXPIRED;
    timer = null;
    return true;
  }

  synchronized void closed() {
    stopTimer();
    phase = Phase.EXPIRED;
  }

  private void stopTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
