package dev.towerline.server.devices;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbDevice;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.AdbLinkMonitor;
import dev.towerline.server.adb.AdbServerUnavailableException;
import dev.towerline.server.adb.AdbTimeoutException;
import dev.towerline.server.adb.DeviceTracking;
import dev.towerline.server.adb.LinkHealth;
import dev.towerline.server.adb.TrackListener;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lab's devices current.
 *
 * <ul>
 *   <li><b>Tracking.</b> {@code host:track-devices} pushes every change of the device list. Every
 *       {@link AdbConfig#pollInterval()} the tracker also asks for the list once, as a liveness
 *       check (a hung ADB server keeps the tracking socket open but silent) and to refresh {@code
 *       last_seen_at}.
 *   <li><b>Polling.</b> When tracking cannot be opened but the server answers {@code devices},
 *       the list is polled every poll interval instead, and tracking is tried again each time.
 *   <li><b>Disconnected.</b> When the ADB server answers neither, every device goes {@code
 *       offline} (keeping its properties and {@code last_seen_at}) and the tracker reconnects with
 *       exponential back-off and jitter ({@link AdbConfig#reconnectInitialBackoff()} up to {@link
 *       AdbConfig#reconnectMaxBackoff()}) until ADB is back; the devices then return by
 *       themselves.
 * </ul>
 *
 * <p>When a device comes online its properties (model, manufacturer, Android version, SDK level,
 * ABI) and battery level are read through the gateway given (the resilient one, so a failing
 * device trips its own breaker); battery levels are refreshed every poll interval. ADB states map
 * to the contract's states as {@link AdbStates} says; {@code busy} comes from {@link #markBusy}.
 *
 * <p>Listeners get a fresh {@link Device} after every change a client could see (state,
 * properties, battery, link health, execution), in order, on one event thread; a change of {@code
 * last_seen_at} alone is not announced. Thread-safe.
 */
public final class DeviceTracker implements DeviceDirectory, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeviceTracker.class);
  private static final int READER_THREADS = 4;
  private static final double BACKOFF_MULTIPLIER = 2.0;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** How the tracker currently learns about devices. */
  public enum Mode {
    /** Not started yet. */
    STARTING,
    /** {@code host:track-devices} is open. */
    TRACKING,
    /** Tracking failed but {@code host:devices} answers: polling. */
    POLLING,
    /** The ADB server is unreachable: every device offline, reconnecting with back-off. */
    DISCONNECTED,
    /** Closed. */
    CLOSED
  }

  private final AdbGateway gateway;
  private final AdbLinkMonitor links;
  private final AdbConfig config;
  private final Clock clock;
  private final IntervalFunction reconnectBackoff;
  private final Map<String, TrackedDevice> devices = new ConcurrentHashMap<>();
  private final List<Consumer<Device>> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> readsInFlight = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService readers;
  private final ExecutorService events;

  // Written on the scheduler thread only.
  private volatile Mode mode = Mode.STARTING;
  private volatile DeviceTracking tracking;
  private volatile long session;
  private int failedAttempts;

  /**
   * @param gateway where device lists, properties and battery levels come from; pass the
   *     resilient gateway
   * @param links the health of each device's link, shown in {@link Device#getLink()}
   * @param clock for {@code last_seen_at} and {@code state_changed_at}
   */
  public DeviceTracker(AdbGateway gateway, AdbLinkMonitor links, AdbConfig config, Clock clock) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.links = Objects.requireNonNull(links, "links");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reconnectBackoff = IntervalFunction.ofExponentialRandomBackoff(
        config.reconnectInitialBackoff(), BACKOFF_MULTIPLIER,
        AdbConfig.BACKOFF_JITTER_PERCENT / 100.0, config.reconnectMaxBackoff());
    String prefix = "towerline-devices-" + INSTANCES.incrementAndGet();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemons(prefix + "-tracker"));
    this.readers = Executors.newFixedThreadPool(READER_THREADS, daemons(prefix + "-reader"));
    this.events = Executors.newSingleThreadExecutor(daemons(prefix + "-events"));
    links.addListener(new AdbLinkMonitor.LinkListener() {
      @Override
      public void deviceLinkChanged(String serial, LinkHealth health) {
        synchronized (lock) {
          TrackedDevice device = devices.get(serial);
          if (device != null) {
            announce(device, health);
          }
        }
      }
    });
  }

  /**
   * Connects to ADB and starts the periodic checks. Returns after the first device list arrived
   * and the first property reads finished, or after about one call time-out when ADB is slow or
   * down (the tracker then keeps trying in the background).
   */
  public void start() {
    Future<?> first = scheduler.submit(guarded(this::connect));
    long interval = config.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(guarded(this::tick), interval, interval,
        TimeUnit.MILLISECONDS);
    Duration bound = config.callTimeout();
    try {
      first.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      awaitReads(bound);
    } catch (TimeoutException e) {
      log.info("ADB server {} has not answered yet; device tracking continues in the background",
          config.adbServer(), kv("adb_server", config.adbServer()));
    } catch (ExecutionException e) {
      log.warn("first ADB connection attempt failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How the tracker learns about devices right now. */
  public Mode mode() {
    return mode;
  }

  @Override
  public List<Device> all() {
    List<Device> all = new ArrayList<>();
    devices.values().stream()
        .sorted(Comparator.comparing(TrackedDevice::serial))
        .forEach(device -> all.add(device.toDevice(links.device(device.serial()))));
    return all;
  }

  @Override
  public Optional<Device> find(String serial) {
    TrackedDevice device = devices.get(serial);
    return device == null ? Optional.empty()
        : Optional.of(device.toDevice(links.device(serial)));
  }

  @Override
  public void addListener(Consumer<Device> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Marks an online device busy with an execution.
   *
   * @return false, changing nothing, when the device is unknown or not {@code online}
   */
  public boolean markBusy(String serial, String executionId) {
    Objects.requireNonNull(executionId, "executionId");
    synchronized (lock) {
      TrackedDevice device = devices.get(serial);
      if (device == null || device.state() != DeviceState.ONLINE) {
        return false;
      }
      store(device, device.busy(executionId, clock.instant()));
      return true;
    }
  }

  /**
   * Ends a device's execution; a {@code busy} device becomes {@code online}.
   *
   * @return false when the device is unknown or had no execution
   */
  public boolean markIdle(String serial) {
    synchronized (lock) {
      TrackedDevice device = devices.get(serial);
      if (device == null || device.executionId() == null) {
        return false;
      }
      store(device, device.idle(clock.instant()));
      return true;
    }
  }

  /** Stops tracking, polling and reads; the directory keeps answering with what it knew. */
  @Override
  public void close() {
    mode = Mode.CLOSED;
    scheduler.shutdownNow();
    DeviceTracking open = tracking;
    if (open != null) {
      open.close();
    }
    readers.shutdownNow();
    events.shutdown();
  }

  // ---------------------------------------------------------------- connection loop

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
          kv("previous_mode", before.name().toLowerCase(java.util.Locale.ROOT)));
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
      markAllOffline();
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
      for (TrackedDevice device : devices.values()) {
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
    Instant now = clock.instant();
    synchronized (lock) {
      for (AdbDevice seen : listed) {
        devices.computeIfPresent(seen.serial(), (serial, device) -> device.seen(now));
      }
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing
    }
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

  // ---------------------------------------------------------------- state

  private void apply(List<AdbDevice> listed) {
    Instant now = clock.instant();
    List<String> toRead = new ArrayList<>();
    synchronized (lock) {
      Set<String> seen = new HashSet<>();
      for (AdbDevice adb : listed) {
        seen.add(adb.serial());
        TrackedDevice before = devices.get(adb.serial());
        TrackedDevice after = before == null
            ? TrackedDevice.first(adb.serial(), adb.state(), config.labelsOf(adb.serial()), now)
            : before.listed(adb.state(), now);
        store(before, after);
        if (after.isReady() && !after.propertiesLoaded()) {
          toRead.add(after.serial());
        }
      }
      for (TrackedDevice device : List.copyOf(devices.values())) {
        if (!seen.contains(device.serial()) && device.adbState() != null) {
          store(device, device.unlisted(now));
        }
      }
    }
    toRead.forEach(serial -> scheduleRead(serial, true));
  }

  private void markAllOffline() {
    Instant now = clock.instant();
    synchronized (lock) {
      for (TrackedDevice device : List.copyOf(devices.values())) {
        if (device.adbState() != null) {
          store(device, device.unlisted(now));
        }
      }
    }
  }

  private void update(String serial, UnaryOperator<TrackedDevice> change) {
    synchronized (lock) {
      TrackedDevice before = devices.get(serial);
      if (before != null) {
        store(before, change.apply(before));
      }
    }
  }

  /** Stores {@code after} and announces it if a listener would see a difference. Under lock. */
  private void store(TrackedDevice before, TrackedDevice after) {
    devices.put(after.serial(), after);
    if (before == null || after.visiblyDiffersFrom(before)) {
      announce(after, links.device(after.serial()));
    }
  }

  /** Under lock, so announcements leave in the order of the changes. */
  private void announce(TrackedDevice device, LinkHealth link) {
    if (listeners.isEmpty()) {
      return;
    }
    Device copy = device.toDevice(link);
    try {
      events.execute(() -> {
        for (Consumer<Device> listener : listeners) {
          try {
            listener.accept(copy);
          } catch (RuntimeException e) {
            log.warn("device listener failed for {}", copy.getSerial(), e);
          }
        }
      });
    } catch (RejectedExecutionException closed) {
      // closing
    }
  }

  // ---------------------------------------------------------------- reads

  private void scheduleRead(String serial, boolean withProperties) {
    if (mode == Mode.CLOSED || !readsInFlight.add(serial)) {
      return;
    }
    try {
      readers.execute(() -> read(serial, withProperties));
    } catch (RejectedExecutionException closed) {
      readsInFlight.remove(serial);
    }
  }

  private void read(String serial, boolean withProperties) {
    try {
      if (withProperties) {
        try {
          Map<String, String> properties = gateway.properties(serial);
          update(serial, device -> device.withProperties(properties));
        } catch (AdbException e) {
          log.debug("could not read the properties of {}: {}", serial, e.getMessage());
        }
      }
      try {
        OptionalInt level = gateway.batteryLevel(serial);
        if (level.isPresent()) {
          update(serial, device -> device.withBatteryLevel(level.getAsInt()));
        }
      } catch (AdbException e) {
        log.debug("could not read the battery level of {}: {}", serial, e.getMessage());
      }
    } finally {
      readsInFlight.remove(serial);
    }
  }

  private void awaitReads(Duration bound) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    while (!readsInFlight.isEmpty() && System.nanoTime() - end < 0) {
      Thread.sleep(5);
    }
  }

  // ---------------------------------------------------------------- threads

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("device tracker task failed; it will run again at its next turn", e);
      }
    };
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
