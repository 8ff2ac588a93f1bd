package dev.towerline.client.internal;

import dev.towerline.client.FeedListener;
import dev.towerline.client.FeedPolicy;
import dev.towerline.client.FeedState;
import dev.towerline.client.FeedSubscription;
import dev.towerline.client.Sleeper;
import dev.towerline.client.TowerlineException;
import dev.towerline.protocol.FeedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One feed subscription: a thread that opens a connection, lets a {@link FeedConnection} serve it,
 * and after it ends waits as the {@link FeedPolicy} says and reconnects with {@code since}, until
 * closed or refused for good. Every listener call happens on that thread, so one subscription's
 * callbacks never overlap.
 */
public final class FeedLoop<E extends FeedEvent> implements FeedSubscription {

  /**
   * What a subscription needs.
   *
   * @param target the WebSocket URI for a resume point ({@code null}: none, a snapshot is wanted)
   * @param http the client's HTTP client; throws {@link IllegalStateException} once it is closed
   * @param gapless true when every seq of the feed reaches this subscription (no filter)
   */
  public record Setup<E extends FeedEvent>(
      String threadName,
      Class<E> eventType,
      FeedListener<E> listener,
      Function<Long, URI> target,
      Map<String, String> headers,
      Supplier<HttpClient> http,
      Duration connectTimeout,
      Duration handshakeTimeout,
      FeedPolicy policy,
      Clock clock,
      Sleeper sleeper,
      boolean gapless,
      FeedErrors errors,
      Consumer<FeedSubscription> onEnded) {}

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final Setup<E> setup;
  private final GuardedListener<E> listener;
  private final SeqGate gate;
  private final Thread thread;
  private volatile boolean closed;
  private volatile FeedState state = FeedState.of(FeedState.Phase.CONNECTING);
  private volatile FeedSocket socket;

  private FeedLoop(Setup<E> setup) {
    this.setup = setup;
    this.listener = new GuardedListener<>(setup.listener(), setup.eventType(), setup.threadName());
    this.gate = new SeqGate(setup.gapless());
    this.thread = new Thread(this::run, setup.threadName());
    thread.setDaemon(true);
  }

  /** A subscription not yet started. */
  public static <E extends FeedEvent> FeedLoop<E> create(Setup<E> setup) {
    return new FeedLoop<>(setup);
  }

  /** Starts the subscription's thread; the listener hears from it from now on. */
  public void start() {
    thread.start();
  }

  @Override
  public FeedState state() {
    return state;
  }

  @Override
  public OptionalLong lastSeq() {
    return gate.last();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    FeedSocket open = socket;
    if (open != null) {
      open.close();
    }
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(SHUTDOWN_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    int failures = 0;
    // When the server last announced a restart (1001/1012) with no live connection since.
    Optional<Instant> restartAnnounced = Optional.empty();
    try {
      while (!closed) {
        publish(FeedState.of(FeedState.Phase.CONNECTING));
        FeedConnection.Ended ended = connectAndServe();
        if (closed) {
          break;
        }
        if (ended.terminal()) {
          publish(FeedState.failed(ended.failure()));
          return;
        }
        if (ended.wentLive()) {
          failures = 0;
          restartAnnounced = Optional.empty();
        }
        if (ended.immediate() && restartAnnounced.isEmpty()) {
          restartAnnounced = Optional.of(setup.clock().instant());
        }
        Duration delay;
        if (ended.immediate() && failures == 0) {
          delay = Duration.ZERO;
        } else {
          failures++;
          Instant now = setup.clock().instant();
          Optional<Duration> sinceRestart = restartAnnounced.map(at -> Duration.between(at, now));
          long ceiling = setup.policy().reconnectCeiling(failures, sinceRestart).toMillis();
          // Full jitter: clients that lost the server together do not come back together.
          delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        }
        publish(FeedState.reconnecting(delay, ended.failure()));
        setup.sleeper().sleep(delay);
      }
    } catch (InterruptedException e) {
      // close() interrupts the wait; the loop ends below.
    } catch (IllegalStateException clientClosed) {
      // The client was closed under the subscription: http() refuses.
    } finally {
      closed = true;
      if (state.phase() != FeedState.Phase.FAILED) {
        publish(FeedState.of(FeedState.Phase.CLOSED));
      }
      setup.onEnded().accept(this);
    }
  }

  private FeedConnection.Ended connectAndServe() throws InterruptedException {
    OptionalLong since = gate.last();
    URI uri = setup.target().apply(since.isPresent() ? since.getAsLong() : null);
    FeedSocket opened;
    try {
      opened = FeedSocket.open(setup.http().get(), uri, setup.headers(), setup.connectTimeout(),
          setup.handshakeTimeout(), setup.clock());
    } catch (FeedSocket.Refused refused) {
      TowerlineException failure = setup.errors().refused(refused.status, refused.headers, refused.body);
      return new FeedConnection.Ended(false, failure, isFinal(refused.status), false);
    } catch (IOException e) {
      return new FeedConnection.Ended(false, setup.errors().lost("Could not open " + uri + ": " + e, e), false, false);
    }
    socket = opened;
    try {
      FeedConnection connection =
          new FeedConnection(setup.threadName(), opened, gate, listener, this::publish, setup.errors(),
              setup.clock(), setup.policy().silentHeartbeats(), since.isPresent());
      return connection.serve(() -> closed);
    } finally {
      opened.close();
      socket = null;
    }
  }

  /** 4xx refusals (bad credentials, a bad query) repeat on every retry; 408 and 429 pass. */
  private static boolean isFinal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  private void publish(FeedState next) {
    state = next;
    listener.state(next);
  }
}
