package dev.towerline.server.feed.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The frames waiting for one connection. {@link #offer} never blocks: it queues the frame, or,
 * when the connection is too far behind, closes it with 1013 (try again later) so the client
 * resumes with {@code since} and loses nothing. One send is in flight at a time. A send that
 * fails, however it fails, stops the outbox and is handed to {@link FrameTransport#sendFailed}
 * once; it never escapes to the thread that offered the frame.
 */
public final class Outbox {
  /** RFC 6455 "Try Again Later": the client may reconnect and resume. */
  public static final int CLOSE_TRY_AGAIN_LATER = 1013;
  static final String SLOW_CONSUMER_REASON = "consumer too slow; resume with since";

  private final FrameTransport transport;
  private final OutboxLimits limits;
  private final Deque<SharedTextFrame> queued = new ArrayDeque<>();
  private long queuedBytes;
  private boolean sending;
  private boolean closed;

  public Outbox(FrameTransport transport, OutboxLimits limits) {
    this.transport = transport;
    this.limits = limits;
  }

  /** Queues {@code text}, a frame only this connection gets, for sending; see {@link #offer(SharedTextFrame)}. */
  public boolean offer(String text) {
    return offer(new SharedTextFrame(text));
  }

  /**
   * Queues {@code frame} for sending.
   *
   * @return false when the connection was closed, now (too far behind) or before
   */
  public boolean offer(SharedTextFrame frame) {
    SharedTextFrame toSend;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (sending) {
        if (queued.size() >= limits.maxFrames() || queuedBytes + frame.length() > limits.maxBytes()) {
          closeLocked();
          toSend = null;
        } else {
          queued.add(frame);
          queuedBytes += frame.length();
          return true;
        }
      } else {
        sending = true;
        toSend = frame;
      }
    }
    if (toSend == null) {
      transport.close(CLOSE_TRY_AGAIN_LATER, SLOW_CONSUMER_REASON);
      return false;
    }
    sendOnTrampoline(toSend);
    return true;
  }

  /** Frames waiting behind the one in flight. */
  public synchronized int backlog() {
    return queued.size();
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Stops sending; what is queued is dropped (the client resumes from its last seq). */
  public synchronized void discard() {
    closeLocked();
  }

  private void sent(Throwable failure) {
    if (failure != null) {
      failed(failure);
      return;
    }
    SharedTextFrame next;
    synchronized (this) {
      next = closed ? null : queued.poll();
      if (next == null) {
        sending = false;
        return;
      }
      queuedBytes -= next.length();
    }
    sendOnTrampoline(next);
  }

  private void failed(Throwable failure) {
    boolean wasOpen;
    synchronized (this) {
      wasOpen = !closed;
      closeLocked();
    }
    // Discarded meanwhile, the connection is ending anyway: nothing to report.
    if (wasOpen) {
      transport.sendFailed(failure);
    }
  }

  private void sendOnTrampoline(SharedTextFrame frame) {
    Trampoline.run(() -> sendNow(frame));
  }

  private void sendNow(SharedTextFrame frame) {
    AtomicBoolean reported = new AtomicBoolean();
    Consumer<Throwable> done = failure -> {
      // A transport that throws after completing must not be reported twice.
      if (reported.compareAndSet(false, true)) {
        sent(failure);
      }
    };
    try {
      transport.send(frame, done);
    } catch (Throwable failure) { // Even an Error: one frame must not stop the thread that sends it.
      done.accept(failure);
    }
  }

  private void closeLocked() {
    closed = true;
    queued.clear();
    queuedBytes = 0;
  }
}
