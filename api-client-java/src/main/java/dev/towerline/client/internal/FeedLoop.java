package dev.towerline.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.client.FeedListener;
import dev.towerline.client.FeedPolicy;
import dev.towerline.client.FeedState;
import dev.towerline.client.FeedSubscription;
import dev.towerline.client.Sleeper;
import dev.towerline.client.TowerlineException;
import dev.towerline.protocol.ConnectionAck;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.Frame;
import dev.towerline.protocol.Ping;
import dev.towerline.protocol.Pong;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.protocol.ResyncRequired;
import dev.towerline.protocol.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One feed subscription: a thread that connects, hands frames to the listener, answers heartbeats,
 * notices a silent server and reconnects with backoff and {@code since} until closed. Every
 * listener call happens on that thread, so one subscription's callbacks never overlap.
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

  private static final System.Logger LOG = System.getLogger(FeedLoop.class.getName());
  /** The contract's default, until the server's {@code connection_ack} names its own. */
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
  private static final Duration LONGEST_TICK = Duration.ofMillis(250);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
  /** Server closes that mean a restart: reconnect at once. */
  private static final Set<Integer> RESTART_CLOSES = Set.of(1001, 1012);
  /** Protocol error, unsupported data, policy violation, message too big: the client is at fault. */
  private static final Set<Integer> CLIENT_FAULT_CLOSES = Set.of(1002, 1003, 1008, 1009);
  private static final ObjectMapper JSON =
      ProtocolJson.lenientMapper().disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);

  /** How one connection ended. */
  private record Ended(boolean wentLive, TowerlineException failure, boolean terminal, boolean immediate) {}

  private final Setup<E> setup;
  private final SeqGate gate;
  private final Thread thread;
  private volatile boolean closed;
  private volatile FeedState state = FeedState.of(FeedState.Phase.CONNECTING);
  private volatile FeedSocket socket;
  private volatile OptionalLong delivered = OptionalLong.empty();
  private long gapRetriedAt = -1;

  private FeedLoop(Setup<E> setup) {
    this.setup = setup;
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
    return delivered;
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
    try {
      while (!closed) {
        publish(FeedState.of(FeedState.Phase.CONNECTING));
        Ended ended = connectAndServe();
        if (closed) {
          break;
        }
        if (ended.terminal()) {
          publish(FeedState.failed(ended.failure()));
          return;
        }
        if (ended.wentLive()) {
          failures = 0;
        }
        Duration delay;
        if (ended.immediate() && failures == 0) {
          delay = Duration.ZERO;
        } else {
          failures++;
          long ceiling = setup.policy().reconnectCeiling(failures).toMillis();
          // Full jitter: clients that lost the server together do not come back together.
          delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        }
        publish(FeedState.reconnecting(delay, ended.failure()));
        setup.sleeper().sleep(delay);
      }
    } catch (InterruptedException e) {
      // close() interrupts the wait; the loop ends below.
    } catch (IllegalStateException clientClosed) {
      // The client was closed under the subscription.
    } finally {
      closed = true;
      if (!state.phase().equals(FeedState.Phase.FAILED)) {
        publish(FeedState.of(FeedState.Phase.CLOSED));
      }
      setup.onEnded().accept(this);
    }
  }

  private Ended connectAndServe() throws InterruptedException {
    OptionalLong since = gate.last();
    URI uri = setup.target().apply(since.isPresent() ? since.getAsLong() : null);
    FeedSocket opened;
    try {
      opened = FeedSocket.open(setup.http().get(), uri, setup.headers(), setup.connectTimeout(),
          setup.handshakeTimeout(), setup.clock());
    } catch (FeedSocket.Refused refused) {
      TowerlineException failure = setup.errors().refused(refused.status, refused.headers, refused.body);
      return new Ended(false, failure, isFinal(refused.status), false);
    } catch (IOException e) {
      return new Ended(false, setup.errors().lost("Could not open " + uri + ": " + e, e), false, false);
    }
    socket = opened;
    try {
      if (closed) {
        return new Ended(false, null, false, false);
      }
      return serve(opened, since.isPresent());
    } finally {
      opened.close();
      socket = null;
    }
  }

  /** 4xx refusals (bad credentials, a bad query) repeat on every retry; 408 and 429 pass. */
  private static boolean isFinal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  private Ended serve(FeedSocket open, boolean resuming) throws InterruptedException {
    Duration heartbeat = DEFAULT_HEARTBEAT;
    boolean live = false;
    ResyncRequired resync = null;
    while (!closed) {
      FeedSocket.Signal signal = open.poll(tick(heartbeat));
      if (signal == null) {
        Duration silent = Duration.between(open.lastHeard(), setup.clock().instant());
        Duration limit = heartbeat.multipliedBy(setup.policy().silentHeartbeats());
        if (silent.compareTo(limit) > 0) {
          open.abort();
          return new Ended(live, setup.errors().lost("Server silent for " + silent + " (limit " + limit + ")", null), false, false);
        }
        continue;
      }
      if (signal instanceof FeedSocket.Closed close) {
        return closedBy(close, live);
      }
      if (signal instanceof FeedSocket.Failed failed) {
        return new Ended(live, setup.errors().lost("Connection lost: " + failed.cause(), failed.cause()), false, false);
      }
      Frame frame = parse(((FeedSocket.Text) signal).text());
      if (frame instanceof ConnectionAck ack) {
        heartbeat = Duration.ofSeconds(Math.max(1, ack.getHeartbeatIntervalSeconds()));
        if (resuming) {
          live = true;
          publish(FeedState.of(FeedState.Phase.LIVE));
        }
      } else if (frame instanceof ResyncRequired required) {
        resync = required;
      } else if (frame instanceof Snapshot snapshot) {
        gate.reset(snapshot.getSeq());
        delivered = gate.last();
        gapRetriedAt = -1;
        live = true;
        if (resync != null) {
          ResyncRequired reason = resync;
          resync = null;
          call(() -> setup.listener().onResync(snapshot, reason));
          publish(FeedState.of(FeedState.Phase.RESYNCED));
        } else {
          call(() -> setup.listener().onSnapshot(snapshot));
          publish(FeedState.of(FeedState.Phase.LIVE));
        }
      } else if (frame instanceof FeedEvent event) {
        if (!admit(event)) {
          return new Ended(live, setup.errors().lost("Gap after seq " + gate.last().getAsLong() + ": got " + event.getSeq(), null), false, true);
        }
      } else if (frame instanceof Ping ping) {
        answer(open, ping);
      } else if (frame instanceof ErrorFrame error) {
        LOG.log(System.Logger.Level.WARNING, "Feed {0}: server reported {1}: {2}", setup.threadName(),
            error.getError().getCode(), error.getError().getMessage());
      }
    }
    return new Ended(live, null, false, false);
  }

  /** Hands over an event if it is the next one; false when a gap calls for a resume. */
  private boolean admit(FeedEvent event) {
    long seq = event.getSeq();
    switch (gate.check(seq)) {
      case DUPLICATE, NO_POSITION -> {
        LOG.log(System.Logger.Level.DEBUG, "Feed {0}: dropped seq {1} (have {2})", setup.threadName(), seq, gate.last());
        return true;
      }
      case GAP -> {
        long last = gate.last().getAsLong();
        if (gapRetriedAt != last) {
          // Resume once from the last seq; if the server replays the same jump, its log has the gap.
          gapRetriedAt = last;
          return false;
        }
        LOG.log(System.Logger.Level.WARNING, "Feed {0}: the server skipped seqs {1} to {2}", setup.threadName(), last + 1, seq - 1);
      }
      case DELIVER -> {}
    }
    gate.advance(seq);
    delivered = gate.last();
    if (setup.eventType().isInstance(event)) {
      E typed = setup.eventType().cast(event);
      call(() -> setup.listener().onEvent(typed));
    }
    return true;
  }

  private Ended closedBy(FeedSocket.Closed close, boolean live) {
    TowerlineException failure =
        setup.errors().lost("Server closed the feed: " + close.code() + " " + close.reason(), null);
    return new Ended(live, failure, CLIENT_FAULT_CLOSES.contains(close.code()), RESTART_CLOSES.contains(close.code()));
  }

  private void answer(FeedSocket open, Ping ping) throws InterruptedException {
    Pong pong = new Pong().withTs(OffsetDateTime.now(setup.clock())).withNonce(ping.getNonce());
    try {
      open.send(JSON.writeValueAsString(pong));
    } catch (IOException e) {
      // The connection is going; its close or error signal follows.
      LOG.log(System.Logger.Level.DEBUG, "Feed {0}: pong not sent: {1}", setup.threadName(), e);
    }
  }

  private Frame parse(String text) {
    try {
      return JSON.readValue(text, Frame.class);
    } catch (JsonProcessingException e) {
      LOG.log(System.Logger.Level.WARNING, "Feed {0}: ignored a frame that is not a feed frame: {1}",
          setup.threadName(), e.getOriginalMessage());
      return null;
    }
  }

  private static Duration tick(Duration heartbeat) {
    Duration quarter = heartbeat.dividedBy(4);
    return quarter.compareTo(LONGEST_TICK) < 0 ? quarter : LONGEST_TICK;
  }

  private void publish(FeedState next) {
    state = next;
    call(() -> setup.listener().onStateChange(next));
  }

  private void call(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException | AssertionError e) {
      // A faulty listener must not stop the feed the rest of the application relies on.
      LOG.log(System.Logger.Level.WARNING, "Feed " + setup.threadName() + ": listener failed", e);
    }
  }
}
