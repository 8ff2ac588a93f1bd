package dev.towerline.server.feed;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ConnectionAck;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ErrorFrame;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.ExecutionOutputChunk;
import dev.towerline.protocol.ExecutionUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.Frame;
import dev.towerline.protocol.Stats;
import dev.towerline.protocol.StatsSummary;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.executions.ExecutionListener;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.http.grizzly.HandshakeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time feeds: publishes device and execution changes and dashboard stats to the event
 * log and its subscribers, serves connections (ack, snapshot or replay, live events, heartbeats)
 * and closes them all on stop. Thread-safe.
 */
public final class FeedService implements AutoCloseable {
  /** RFC 6455 close codes used by the feeds. */
  static final int CLOSE_GOING_AWAY = 1001;
  static final int CLOSE_POLICY_VIOLATION = 1008;
  static final int CLOSE_UNEXPECTED = 1011;
  static final int CLOSE_SERVICE_RESTART = 1012;
  static final int CLOSE_TRY_AGAIN_LATER = 1013;

  private static final Logger log = LoggerFactory.getLogger(FeedService.class);
  private static final int REPLAY_THREADS = 4;
  static final String RESTART_REASON = "server restarting; reconnect with since";

  private final FeedConfig config;
  private final EventLog eventLog;
  private final ObjectMapper json;
  private final Clock clock;
  private final String apiVersion;
  private final DeviceDirectory devices;
  private final ExecutionService executions;
  private final Map<Feed, FeedChannel> channels = new EnumMap<>(Feed.class);
  private final Set<FeedSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger admitted = new AtomicInteger();
  private final DashboardStats stats;
  private final FeedCatchUp catchUp;
  private final FeedHeartbeat heartbeat;
  private final ScheduledExecutorService timers;
  private final ExecutorService replays;
  private final FeedMetrics metrics;
  private final SendFailureLog sendFailures = new SendFailureLog();
  private volatile boolean stopping;
  private final AtomicBoolean closingAll = new AtomicBoolean();
  private final Object sessionEnded = new Object();

  public FeedService(
      FeedConfig config,
      EventLog eventLog,
      ObjectMapper json,
      Clock clock,
      String apiVersion,
      DeviceDirectory devices,
      ExecutionService executions,
      MeterRegistry meters) {
    this.config = config;
    this.eventLog = eventLog;
    this.json = json;
    this.clock = clock;
    this.apiVersion = apiVersion;
    this.devices = devices;
    this.executions = executions;
    for (Feed feed : Feed.values()) {
      channels.put(feed, new FeedChannel(feed, eventLog, json, meters));
    }
    this.stats = new DashboardStats(devices, executions, sessions::size);
    this.catchUp = new FeedCatchUp(this, eventLog, json, devices, executions, stats);
    this.timers = Executors.newScheduledThreadPool(1, daemon("towerline-feed-timers"));
    this.replays = Executors.newFixedThreadPool(REPLAY_THREADS, daemon("towerline-feed-replay"));
    this.metrics = new FeedMetrics(meters, sessions);
    this.heartbeat = new FeedHeartbeat(this, sessions, config.heartbeat());
  }

  /** Hooks the feeds to the domain and starts heartbeats, stats and retention. */
  public FeedService start() {
    FileDescriptorBudget.processLimit()
        .ifPresent(limit -> FileDescriptorBudget.shortfall(config.maxConnections(), limit)
            .ifPresent(warning -> log.warn(warning, kv("event", "fd_limit_low"), kv("fd_limit", limit),
                kv("max_connections", config.maxConnections()))));
    devices.addListener(
        device -> {
          OffsetDateTime ts = now();
          publish(Feed.DEVICES, seq -> new DeviceUpdated().withSeq(seq).withTs(ts).withDevice(device));
        });
    executions.addListener(
        new ExecutionListener() {
          @Override
          public void changed(ExecutionRecord after) {
            stats.changed(after);
            Execution execution = after.toContract();
            OffsetDateTime ts = now();
            publish(Feed.EXECUTIONS, seq -> new ExecutionUpdated().withSeq(seq).withTs(ts).withExecution(execution));
          }

          @Override
          public void output(String executionId, String deviceSerial, long offset, String data) {
            OffsetDateTime ts = now();
            publish(
                Feed.EXECUTIONS,
                seq ->
                    new ExecutionOutputChunk()
                        .withSeq(seq)
                        .withTs(ts)
                        .withExecutionId(executionId)
                        .withDeviceSerial(deviceSerial)
                        .withOffset(offset)
                        .withData(data));
          }
        });
    long beat = heartbeat.period().toMillis();
    timers.scheduleAtFixedRate(heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    long statsEvery = config.statsInterval().toMillis();
    timers.scheduleAtFixedRate(this::publishStats, statsEvery, statsEvery, TimeUnit.MILLISECONDS);
    long purge = config.purgeInterval().toMillis();
    timers.scheduleWithFixedDelay(this::purge, purge, purge, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The WebSocket endpoints, one per feed. */
  public List<jakarta.websocket.server.ServerEndpointConfig> endpoints() {
    return FeedEndpoints.of(this);
  }

  public EventLog eventLog() {
    return eventLog;
  }

  /** WebSocket connections open now, across all feeds. */
  public int connectedClients() {
    return sessions.size();
  }

  void publish(Feed feed, LongFunction<FeedEvent> eventAt) {
    if (!stopping) {
      channels.get(feed).publish(eventAt);
    }
  }

  /** Puts every feed handshake before the configured {@link HandshakeAuthorizer}. */
  public HandshakeGuard handshakeGuard() {
    return new FeedHandshakeGuard(config.authorizer());
  }

  FeedConfig config() {
    return config;
  }

  ObjectMapper json() {
    return json;
  }

  Clock clock() {
    return clock;
  }

  // ---- connections ----

  /** Whether a new connection is admitted; the caller closes a refused one with its code. */
  enum Admission {
    ADMITTED,
    /** At {@code WS_MAX_CONNECTIONS}: close with 1013, try again later. */
    AT_LIMIT,
    /** The server is stopping: close with 1012 as its other clients are, so they come back after the restart. */
    STOPPING
  }

  Admission admit(Feed feed) {
    if (stopping) {
      return Admission.STOPPING;
    }
    while (true) {
      int now = admitted.get();
      if (now >= config.maxConnections()) {
        metrics.closed(feed, FeedMetrics.CloseReason.CONNECTION_LIMIT);
        return Admission.AT_LIMIT;
      }
      if (admitted.compareAndSet(now, now + 1)) {
        return Admission.ADMITTED;
      }
    }
  }

  void opened(FeedSession session, Long since) {
    sessions.add(session);
    if (stopping) { // Admitted just before the stop began: it gets the same close as the others.
      session.closeAwaitingAnswer(CLOSE_SERVICE_RESTART, RESTART_REASON);
      return;
    }
    session.send(ack(session));
    FeedChannel channel = channels.get(session.feed());
    channel.subscribe(session.connection());
    log.info(
        "WebSocket {} connected to the {} feed{}",
        session.id(), session.feed().value(), since == null ? "" : " resuming after seq " + since,
        kv("event", since == null ? "ws_connect" : "ws_resume"), kv("session_id", session.id()),
        kv("feed", session.feed().value()), kv("since", since));
    replays.execute(() -> catchUp.run(session, since));
  }

  void closed(FeedSession session, int code, String reason) {
    boolean removed = sessions.remove(session);
    synchronized (sessionEnded) {
      sessionEnded.notifyAll(); // A stop may be waiting for the last one.
    }
    if (removed) {
      admitted.decrementAndGet();
      channels.get(session.feed()).unsubscribe(session.connection());
      log.info(
          "WebSocket {} on the {} feed closed with {} {}",
          session.id(), session.feed().value(), code, reason,
          kv("event", "ws_close"), kv("session_id", session.id()), kv("feed", session.feed().value()),
          kv("close_code", code), kv("close_reason", reason));
    }
  }

  FeedMetrics metrics() {
    return metrics;
  }

  SendFailureLog sendFailures() {
    return sendFailures;
  }

  private ConnectionAck ack(FeedSession session) {
    return new ConnectionAck()
        .withTs(now())
        .withSessionId(session.id())
        .withFeed(session.feed())
        .withApiVersion(apiVersion)
        .withHeartbeatIntervalSeconds(Math.max(1, config.heartbeat().toSeconds()));
  }

  ErrorFrame error(ErrorCode code, String message) {
    return new ErrorFrame().withTs(now()).withError(new ApiError().withCode(code).withMessage(message));
  }

  // ---- stats, retention ----

  // Scheduled tasks catch Throwable: one that throws is never run again.
  private void publishStats() {
    try {
      StatsSummary summary = stats.now();
      OffsetDateTime ts = now();
      publish(Feed.DASHBOARD, seq -> new Stats().withSeq(seq).withTs(ts).withStats(summary));
    } catch (Throwable e) {
      log.debug("Dashboard stats not published: {}", e.toString());
    }
  }

  private void purge() {
    for (Feed feed : Feed.values()) {
      try {
        int deleted =
            eventLog.purge(feed, config.retentionEvents(), clock.instant().minus(config.retentionAge()));
        if (deleted > 0) {
          log.debug("Purged {} events of the {} feed", deleted, feed.value());
        }
      } catch (Throwable e) {
        log.debug("Event log retention skipped for {}: {}", feed.value(), e.toString());
      }
    }
  }

  // ---- stop ----

  /**
   * Closes every feed connection with 1012 (service restart), refuses new ones, and waits until
   * the clients have answered the close, at most {@link FeedConfig#closeTimeout()}: the server must
   * not stop its transport while close frames are still on their way, or clients see the
   * connection die instead of a close they can act on at once.
   */
  public void closeAll() {
    if (!closingAll.compareAndSet(false, true)) {
      return;
    }
    stopping = true;
    int closing = sessions.size();
    for (FeedSession session : sessions) {
      session.closeAwaitingAnswer(CLOSE_SERVICE_RESTART, RESTART_REASON);
    }
    long started = System.nanoTime();
    int unanswered = awaitAllClosed(config.closeTimeout());
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (unanswered == 0) {
      log.info("{} feed clients answered the 1012 close within {} ms", closing, waited);
    } else {
      log.warn(
          "{} of {} feed clients had not answered the 1012 close after {} ms; stopping anyway",
          unanswered, closing, waited);
    }
  }

  /** Waits until every session has ended; returns how many are still open at the deadline. */
  private int awaitAllClosed(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (sessionEnded) {
      try {
        while (!sessions.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(sessionEnded, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return sessions.size();
    }
  }

  @Override
  public void close() {
    closeAll();
    timers.shutdownNow();
    replays.shutdownNow();
    for (FeedChannel channel : channels.values()) {
      channel.close();
    }
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  String write(Frame frame) {
    try {
      return EncodableJson.of(json.writeValueAsString(frame));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("frame cannot be written as JSON", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
