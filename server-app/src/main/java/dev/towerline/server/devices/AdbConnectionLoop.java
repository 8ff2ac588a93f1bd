package dev.towerline.server.devices;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbDevice;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.AdbServerUnavailableException;
import dev.towerline.server.adb.AdbTimeoutException;
import dev.towerline.server.adb.DeviceTracking;
import dev.towerline.server.adb.TrackListener;
import dev.towerline.server.devices.DeviceTracker.Mode;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps device lists coming from the ADB server into the {@link DeviceTable}, on one scheduler
 * thread: tracking, else polling, else reconnecting with back-off, as {@link DeviceTracker}
 * describes; every poll interval it checks that tracking is alive and has the {@link
 * DeviceReader} refresh the devices.
 */
final class AdbConnectionLoop {

  // The tracker's logger: operators find every device-tracking line under that one name.
  private static final Logger log = LoggerFactory.getLogger(DeviceTracker.class);
  private static final double BACKOFF_MULTIPLIER = 2.0;

  private final AdbGateway gateway;
  private final AdbConfig config;
  private final DeviceTable table;
  private final DeviceReader reader;
  private final IntervalFunction reconnectBackoff;
  private final ScheduledExecutorService scheduler;

  // Written on the scheduler thread only.
  private volatile Mode mode = Mode.STARTING;
  private volatile DeviceTracking tracking;
  private volatile long session;
  private int failedAttempts;

  /** @param gateway where device lists come from; pass the resilient gateway */
  AdbConnectionLoop(AdbGateway gateway, AdbConfig config, DeviceTable table, DeviceReader reader,
      ThreadFactory schedulerThread) {
    this.gateway = gateway;
    this.config = config;
    this.table = table;
    this.reader = reader;
    this.reconnectBackoff = IntervalFunction.ofExponentialRandomBackoff(
        config.reconnectInitialBackoff(), BACKOFF_MULTIPLIER,
        AdbConfig.BACKOFF_JITTER_PERCENT / 100.0, config.reconnectMaxBackoff());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(schedulerThread);
  }

  /**
   * Makes the first connection attempt and starts the checks every poll interval.
   *
   * @return the first attempt, done once the first device list is in or ADB has failed to answer
   */
  Future<?> start() {
    Future<?> first = scheduler.submit(guarded(this::connect));
    long interval = config.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(guarded(this::tick), interval, interval,
        TimeUnit.MILLISECONDS);
    return first;
  }

  Mode mode() {
    return mode;
  }

  /** Stops the scheduler and closes the tracking connection; reads no longer get queued. */
  void close() {
    mode = Mode.CLOSED;
    scheduler.shutdownNow();
    DeviceTracking open = tracking;
    if (open != null) {
      open.close();
    }
  }

  private void connect() {
    if (mode == Mode.CLOSED) {
      return;
    }
    long current = ++session;
    try {
      DeviceTracking opened = gateway.track(new SessionListener(current));
      tracking = opened;
      if (mode == Mode.CLOSED) {
        opened.close();
        return;
      }
      Mode before = mode;
      mode = Mode.TRACKING;
      log.info("ADB device tracking connected to {}", config.adbServer(),
          kv("adb_server", config.adbServer()), kv("attempt", failedAttempts + 1),
          kv("previous_mode", before.name().toLowerCase(Locale.ROOT)));
      failedAttempts = 0;
    } catch (AdbException trackFailure) {
      pollInstead(trackFailure);
    }
  }

  private void pollInstead(AdbException trackFailure) {
    try {
      List<AdbDevice> listed = gateway.devices();
      apply(listed);
      if (mode != Mode.POLLING) {
        log.warn("ADB device tracking failed ({}); polling {} every {} s instead",
            trackFailure.getMessage(), config.adbServer(), config.pollInterval().toSeconds(),
            kv("adb_server", config.adbServer()), kv("attempt", failedAttempts + 1));
      }
      mode = Mode.POLLING;
      failedAttempts = 0;
      schedule(this::connect, config.pollInterval());
    } catch (AdbException pollFailure) {
      failedAttempts++;
      if (mode != Mode.DISCONNECTED) {
        log.warn("ADB server {} is unreachable ({}); devices are offline until it answers",
            config.adbServer(), pollFailure.getMessage(), kv("adb_server", config.adbServer()),
            kv("attempt", failedAttempts));
      } else {
        log.debug("ADB server {} still unreachable: {}", config.adbServer(),
            pollFailure.getMessage(), kv("adb_server", config.adbServer()),
            kv("attempt", failedAttempts));
      }
      mode = Mode.DISCONNECTED;
      table.markAllOffline();
      schedule(this::connect, Duration.ofMillis(reconnectBackoff.apply(failedAttempts)));
    }
  }

  private void onDisconnected(long closedSession, AdbException cause) {
    if (closedSession != session || mode == Mode.CLOSED) {
      return;
    }
    tracking = null;
    log.warn("ADB device tracking lost: {}; reconnecting", cause.getMessage(),
        kv("adb_server", config.adbServer()), kv("attempt", failedAttempts + 1));
    connect();
  }

  /** Every poll interval: a liveness check while tracking, and property and battery reads. */
  private void tick() {
    if (mode == Mode.TRACKING) {
      checkTrackingAlive();
    }
    if (mode == Mode.TRACKING || mode == Mode.POLLING) {
      for (TrackedDevice device : table.devices()) {
        if (device.isReady()) {
          scheduleRead(device.serial(), !device.propertiesLoaded());
        }
      }
    }
  }

  private void checkTrackingAlive() {
    List<AdbDevice> listed;
    try {
      listed = gateway.devices();
    } catch (AdbServerUnavailableException | AdbTimeoutException e) {
      DeviceTracking open = tracking;
      tracking = null;
      if (open != null) {
        open.close();
      }
      log.warn("ADB server {} stopped answering ({}); reconnecting device tracking",
          config.adbServer(), e.getMessage(), kv("adb_server", config.adbServer()));
      connect();
      return;
    } catch (AdbException e) {
      // Refused by an open breaker, say: the tracking stream is still the better witness.
      return;
    }
    table.markSeen(listed);
  }

  private void apply(List<AdbDevice> listed) {
    table.applyListed(listed).forEach(serial -> scheduleRead(serial, true));
  }

  private void scheduleRead(String serial, boolean withProperties) {
    if (mode != Mode.CLOSED) {
      reader.schedule(serial, withProperties);
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("device tracker task failed; it will run again at its next turn", e);
      }
    };
  }

  /** Receives one tracking session's pushes; ignores them once a newer session exists. */
  private final class SessionListener implements TrackListener {
    private final long id;

    SessionListener(long id) {
      this.id = id;
    }

    @Override
    public void devicesChanged(List<AdbDevice> listed) {
      if (id == session && mode != Mode.CLOSED) {
        apply(listed);
      }
    }

    @Override
    public void disconnected(AdbException cause) {
      schedule(() -> onDisconnected(id, cause), Duration.ZERO);
    }
  }
}
