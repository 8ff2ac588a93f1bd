package dev.towerline.server.devices;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.server.adb.AdbConfig;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.adb.AdbHealthProbe;
import dev.towerline.server.adb.ResilientAdbGateway;
import dev.towerline.server.adb.SocketAdbClient;
import dev.towerline.server.health.StartupStep;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Towerline needs from ADB, wired and running: the ADB simulator when {@code
 * ADB_SIMULATOR} asks for one, the resilient gateway over the socket client, the device tracker and
 * the health probe. {@code Main} starts one and closes it on shutdown.
 *
 * <pre>{@code
 * AdbRuntime adb = AdbRuntime.start(AdbConfig.fromEnvironment(System.getenv()), meters, clock);
 * DeviceDirectory devices = adb.devices();          // for the REST and WebSocket layers
 * AdbHealthProbe.Result r = adb.healthProbe().check(Duration.ofMillis(1500));  // /health/full
 * }</pre>
 */
public final class AdbRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdbRuntime.class);

  private final AdbSimulator simulator;
  private final AdbConfig config;
  private final ResilientAdbGateway gateway;
  private final DeviceTracker tracker;
  private final AdbHealthProbe healthProbe;

  private AdbRuntime(AdbSimulator simulator, AdbConfig config, ResilientAdbGateway gateway,
      DeviceTracker tracker) {
    this.simulator = simulator;
    this.config = config;
    this.gateway = gateway;
    this.tracker = tracker;
    this.healthProbe = new AdbHealthProbe(config);
  }

  /**
   * Starts the simulator (if configured), the gateway and the device tracker. Returns at once
   * when the ADB server is another process: devices appear as it lists them, even if it hangs
   * now ({@link #startup()} says when the first discovery ended). An in-process simulator is part
   * of this start, so its devices are listed (within one call time-out) before this returns.
   *
   * @param meters where ADB call, failure and breaker meters are registered
   * @param clock for breaker cool-downs and device timestamps
   * @throws UncheckedIOException when the simulator cannot bind a loopback port
   */
  public static AdbRuntime start(AdbConfig config, MeterRegistry meters, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(clock, "clock");
    AdbSimulator simulator = null;
    AdbConfig effective = config;
    if (config.simulatorDevices().isPresent()) {
      int count = config.simulatorDevices().getAsInt();
      try {
        simulator = AdbSimulator.demo(count).start();
      } catch (IOException e) {
        throw new UncheckedIOException("the ADB simulator could not bind a loopback port", e);
      }
      // The demo rack comes labelled, so that filtering by label can be tried; DEVICE_LABELS wins.
      effective = config.toBuilder().adbServer("127.0.0.1", simulator.port())
          .deviceLabels(config.deviceLabels().isEmpty()
              ? AdbSimulator.demoLabels(count) : config.deviceLabels())
          .build();
      log.info("ADB simulator serving a demo rack of {} devices on {}", count,
          effective.adbServer(), kv("adb_server", effective.adbServer()));
    }
    ResilientAdbGateway gateway =
        new ResilientAdbGateway(new SocketAdbClient(effective), effective, meters, clock);
    DeviceTracker tracker = new DeviceTracker(gateway, gateway, effective, clock);
    try {
      tracker.start();
      if (simulator != null) {
        tracker.awaitFirstDiscovery(effective.callTimeout());
      }
    } catch (RuntimeException e) {
      tracker.close();
      gateway.close();
      if (simulator != null) {
        simulator.close();
      }
      throw e;
    }
    return new AdbRuntime(simulator, effective, gateway, tracker);
  }

  /** The resilient gateway: time limits, retries and breakers around every call. */
  public AdbGateway gateway() {
    return gateway;
  }

  /** The lab's devices, for the REST and WebSocket layers. */
  public DeviceDirectory devices() {
    return tracker;
  }

  /** The tracker itself, for {@link DeviceTracker#markBusy} and {@link DeviceTracker#markIdle}. */
  public DeviceTracker tracker() {
    return tracker;
  }

  /** The first device discovery, as a step of starting that {@code /health/ready} waits for. */
  public StartupStep startup() {
    return new StartupStep() {
      @Override
      public String name() {
        return "adb";
      }

      @Override
      public Optional<String> waitingFor() {
        return tracker.firstDiscoveryDone() ? Optional.empty()
            : Optional.of("the ADB server " + config.adbServer() + " has not listed its devices yet");
      }
    };
  }

  /** Checks the ADB server without retries or breakers, for {@code /health/full}. */
  public AdbHealthProbe healthProbe() {
    return healthProbe;
  }

  /** The ADB server in use, {@code host:port}: the simulator's when one runs. */
  public String adbServer() {
    return config.adbServer();
  }

  /** The in-process simulator, when {@code ADB_SIMULATOR} started one. */
  public Optional<AdbSimulator> simulator() {
    return Optional.ofNullable(simulator);
  }

  /** Stops the tracker, the gateway's call pool and the simulator, in that order. */
  @Override
  public void close() {
    tracker.close();
    gateway.close();
    if (simulator != null) {
      simulator.close();
    }
  }
}
