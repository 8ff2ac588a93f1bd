package dev.towerline.server.devices;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.protocol.Device;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.AdbLinkMonitor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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

  private final AdbConfig config;
  private final DeviceAnnouncer announcer;
  private final DeviceTable table;
  private final DeviceReader reader;
  private final AdbConnectionLoop connection;
  private final String threadPrefix;
  private final CompletableFuture<Void> firstDiscovery = new CompletableFuture<>();

  /**
   * @param gateway where device lists, properties and battery levels come from; pass the
   *     resilient gateway
   * @param links the health of each device's link, shown in {@link Device#getLink()}
   * @param clock for {@code last_seen_at} and {@code state_changed_at}
   */
  public DeviceTracker(AdbGateway gateway, AdbLinkMonitor links, AdbConfig config, Clock clock) {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(links, "links");
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    String prefix = "towerline-devices-" + INSTANCES.incrementAndGet();
    this.threadPrefix = prefix;
    this.announcer = new DeviceAnnouncer(daemons(prefix + "-events"));
    this.table = new DeviceTable(links, config, clock, announcer);
    this.reader = new DeviceReader(gateway, table, daemons(prefix + "-reader"));
    this.connection =
        new AdbConnectionLoop(gateway, config, table, reader, daemons(prefix + "-tracker"));
    links.addListener(table);
  }

  /**
   * Connects to ADB and starts the periodic checks, all in the background: returns at once, even
   * when the ADB server accepts connections and never answers. The first discovery (the first
   * device list and the property reads it starts, or the first failure to reach ADB) ends by
   * itself; {@link #firstDiscoveryDone()} and {@link #awaitFirstDiscovery} tell when.
   */
  public void start() {
    Future<?> first = connection.start();
    Thread waiter = new Thread(() -> finishFirstDiscovery(first), threadPrefix + "-startup");
    waiter.setDaemon(true);
    waiter.start();
  }

  /** Whether the first discovery has ended, with devices or with ADB found unreachable. */
  public boolean firstDiscoveryDone() {
    return firstDiscovery.isDone();
  }

  /**
   * Waits up to {@code bound} for the first discovery to end.
   *
   * @return whether it ended
   */
  public boolean awaitFirstDiscovery(Duration bound) {
    try {
      firstDiscovery.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void finishFirstDiscovery(Future<?> first) {
    try {
      first.get();
      reader.awaitReads(config.callTimeout());
      log.info("First ADB device discovery on {} ended: {} devices, {}", config.adbServer(),
          table.all().size(), mode().name().toLowerCase(Locale.ROOT),
          kv("adb_server", config.adbServer()));
    } catch (ExecutionException e) {
      log.warn("first ADB connection attempt failed", e.getCause());
    } catch (CancellationException e) {
      // Closed before the first attempt ran.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      firstDiscovery.complete(null);
    }
  }

  /** How the tracker learns about devices right now. */
  public Mode mode() {
    return connection.mode();
  }

  @Override
  public List<Device> all() {
    return table.all();
  }

  @Override
  public Optional<Object> version() {
    return table.version();
  }

  @Override
  public Optional<Device> find(String serial) {
    return table.find(serial);
  }

  @Override
  public void addListener(Consumer<Device> listener) {
    table.addListener(listener);
  }

  /**
   * Marks an online device busy with an execution.
   *
   * @return false, changing nothing, when the device is unknown or not {@code online}
   */
  public boolean markBusy(String serial, String executionId) {
    return table.markBusy(serial, executionId);
  }

  /**
   * Ends a device's execution; a {@code busy} device becomes {@code online}.
   *
   * @return false when the device is unknown or had no execution
   */
  public boolean markIdle(String serial) {
    return table.markIdle(serial);
  }

  /** Stops tracking, polling and reads; the directory keeps answering with what it knew. */
  @Override
  public void close() {
    connection.close();
    reader.close();
    announcer.close();
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
