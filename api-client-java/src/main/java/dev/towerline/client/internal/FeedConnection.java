package dev.towerline.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.client.FeedState;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Serves one open connection of a subscription on its thread: reads its frames into listener
 * calls through the {@link SeqGate}, answers {@code ping}, and watches for silence, until the
 * connection ends; then says how, so {@link FeedLoop} can choose the next attempt.
 */
final class FeedConnection {

  /** How a connection ended: whether it went live, why, and what the next attempt should be. */
  record Ended(boolean wentLive, TowerlineException failure, boolean terminal, boolean immediate) {}

  private static final System.Logger LOG = System.getLogger(FeedLoop.class.getName());
  /** The contract's default, until the server's {@code connection_ack} names its own. */
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
  private static final Duration LONGEST_TICK = Duration.ofMillis(250);
  /** Server closes that mean a restart: reconnect at once. */
  private static final Set<Integer> RESTART_CLOSES = Set.of(1001, 1012);
  /** Protocol error, unsupported data, policy violation, message too big: the client is at fault. */
  private static final Set<Integer> CLIENT_FAULT_CLOSES = Set.of(1002, 1003, 1008, 1009);
  private static final ObjectMapper JSON =
      ProtocolJson.lenientMapper().disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);

  private final String name;
  private final FeedSocket socket;
  private final SeqGate gate;
  private final GuardedListener<?> listener;
  private final Consumer<FeedState> publish;
  private final FeedErrors errors;
  private final Clock clock;
  private final int silentHeartbeats;
  private final boolean resuming;
  private Duration heartbeat = DEFAULT_HEARTBEAT;
  private boolean live;
  private ResyncRequired resync;

  FeedConnection(String name, FeedSocket socket, SeqGate gate, GuardedListener<?> listener, Consumer<FeedState> publish,
      FeedErrors errors, Clock clock, int silentHeartbeats, boolean resuming) {
    this.name = name;
    this.socket = socket;
    this.gate = gate;
    this.listener = listener;
    this.publish = publish;
    this.errors = errors;
    this.clock = clock;
    this.silentHeartbeats = silentHeartbeats;
    this.resuming = resuming;
  }

  /** Serves until the connection ends or {@code closed} says the subscription was closed. */
  Ended serve(BooleanSupplier closed) throws InterruptedException {
    while (!closed.getAsBoolean()) {
      FeedSocket.Signal signal = socket.poll(tick());
      if (signal == null) {
        Duration silent = Duration.between(socket.lastHeard(), clock.instant());
        Duration limit = heartbeat.multipliedBy(silentHeartbeats);
        if (silent.compareTo(limit) > 0) {
          socket.abort();
          return ended("Server silent for " + silent + " (limit " + limit + ")", null, false, false);
        }
      } else if (signal instanceof FeedSocket.Closed close) {
        return ended("Server closed the feed: " + close.code() + " " + close.reason(), null,
            CLIENT_FAULT_CLOSES.contains(close.code()), RESTART_CLOSES.contains(close.code()));
      } else if (signal instanceof FeedSocket.Failed failed) {
        return ended("Connection lost: " + failed.cause(), failed.cause(), false, false);
      } else if (!handle(parse(((FeedSocket.Text) signal).text()))) {
        return ended("Gap after seq " + gate.last().getAsLong(), null, false, true);
      }
    }
    return new Ended(live, null, false, false);
  }

  /** Acts on one frame; false when a gap calls for a resume. */
  private boolean handle(Frame frame) throws InterruptedException {
    if (frame instanceof ConnectionAck ack) {
      heartbeat = Duration.ofSeconds(Math.max(1, ack.getHeartbeatIntervalSeconds()));
      if (resuming) {
        goLive(FeedState.Phase.LIVE);
      }
    } else if (frame instanceof ResyncRequired required) {
      resync = required;
    } else if (frame instanceof Snapshot snapshot) {
      gate.reset(snapshot.getSeq());
      if (resync != null) {
        listener.resync(snapshot, resync);
        resync = null;
        goLive(FeedState.Phase.RESYNCED);
      } else {
        listener.snapshot(snapshot);
        goLive(FeedState.Phase.LIVE);
      }
    } else if (frame instanceof FeedEvent event) {
      return admit(event);
    } else if (frame instanceof Ping ping) {
      answer(ping);
    } else if (frame instanceof ErrorFrame error) {
      LOG.log(System.Logger.Level.WARNING, "Feed {0}: server reported {1}: {2}", name,
          error.getError().getCode(), error.getError().getMessage());
    }
    return true;
  }

  private boolean admit(FeedEvent event) {
    long seq = event.getSeq();
    switch (gate.check(seq)) {
      case DUPLICATE, NO_POSITION -> {
        LOG.log(System.Logger.Level.DEBUG, "Feed {0}: dropped seq {1} (have {2})", name, seq, gate.last());
        return true;
      }
      case GAP -> {
        if (gate.resumeForGap()) {
          return false;
        }
        LOG.log(System.Logger.Level.WARNING, "Feed {0}: the server skipped seqs {1} to {2}", name,
            gate.last().getAsLong() + 1, seq - 1);
      }
      case DELIVER -> {}
    }
    gate.advance(seq);
    listener.event(event);
    return true;
  }

  private void goLive(FeedState.Phase phase) {
    live = true;
    publish.accept(FeedState.of(phase));
  }

  private void answer(Ping ping) throws InterruptedException {
    Pong pong = new Pong().withTs(OffsetDateTime.now(clock)).withNonce(ping.getNonce());
    try {
      socket.send(JSON.writeValueAsString(pong));
    } catch (IOException e) {
      // The connection is going; its close or error signal follows.
      LOG.log(System.Logger.Level.DEBUG, "Feed {0}: pong not sent: {1}", name, e);
    }
  }

  private Frame parse(String text) {
    try {
      return JSON.readValue(text, Frame.class);
    } catch (JsonProcessingException e) {
      LOG.log(System.Logger.Level.WARNING, "Feed {0}: ignored a frame that is not a feed frame: {1}", name,
          e.getOriginalMessage());
      return null;
    }
  }

  private Ended ended(String why, Throwable cause, boolean terminal, boolean immediate) {
    return new Ended(live, errors.lost(why, cause), terminal, immediate);
  }

  /** How long to wait for a frame before looking at the clock again. */
  private Duration tick() {
    Duration quarter = heartbeat.dividedBy(4);
    return quarter.compareTo(LONGEST_TICK) < 0 ? quarter : LONGEST_TICK;
  }
}
