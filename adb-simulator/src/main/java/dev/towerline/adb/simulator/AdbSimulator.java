package dev.towerline.adb.simulator;

import dev.towerline.adb.simulator.internal.CommandTable;
import dev.towerline.adb.simulator.internal.DemoRack;
import dev.towerline.adb.simulator.internal.DeviceRegistry;
import dev.towerline.adb.simulator.internal.FaultPlan;
import dev.towerline.adb.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated ADB server on a loopback port, speaking the real host ("smart socket") protocol of
 * adb 29: {@code adb -H 127.0.0.1 -P <port> devices} and {@code shell} work against it.
 *
 * <pre>{@code
 * try (AdbSimulator sim = AdbSimulator.builder()
 *     .device(VirtualDevice.builder("emulator-5554").model("Pixel 7").build())
 *     .build()
 *     .start()) {
 *   int port = sim.port();
 *   sim.faults().failNextCommands(3);
 *   sim.setState("emulator-5554", DeviceState.OFFLINE);
 *   sim.stop();   // every client sees its socket closed
 *   sim.start();  // same port again
 * }
 * }</pre>
 *
 * <p>Defaults: an ephemeral port ({@value Builder#DEFAULT_PORT}), the system UTC clock, a {@value
 * Builder#DEFAULT_READ_TIMEOUT_SECONDS} s time-out for clients that connect and say nothing, and at
 * most {@value Builder#DEFAULT_MAX_CONNECTIONS} connections at once (one thread each). Devices,
 * commands and faults may be changed at any time, from any thread; device trackers see every
 * change to the device list.
 */
public final class AdbSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdbSimulator.class);

  private final DeviceRegistry registry;
  private final FaultPlan faults;
  private final CommandTable commands;
  private final SimulatorServer server;

  private AdbSimulator(Builder builder) {
    this.registry = new DeviceRegistry();
    builder.devices.values().forEach(registry::put);
    this.faults = new FaultPlan(builder.clock, registry);
    this.commands = new CommandTable();
    builder.commands.forEach(commands::register);
    this.server = new SimulatorServer(new SimulatorServer.Settings(builder.port, registry, faults,
        commands, builder.clock, builder.readTimeout, builder.maxConnections));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * An unstarted simulator with a demo rack of {@code deviceCount} devices: Pixels, Galaxies,
   * Xiaomi, OnePlus, Motorola, Sony and Nokia phones on Android 5.1 to 14 with varied battery
   * levels, every fifth one an emulator. Racks of 8 or more show a lab's trouble too: the seventh
   * device is {@code unauthorized}, the eighth {@code offline}; the others (and every device of a
   * smaller rack) are in state {@code device}. The same count always gives the same serials.
   */
  public static AdbSimulator demo(int deviceCount) {
    return builder().devices(DemoRack.devices(deviceCount)).build();
  }

  /**
   * The operator labels of {@link #demo}'s rack of this size, by serial: its shelf ({@code
   * rack-a} for the first six devices, {@code rack-b} for the next six, …) and {@code emulator}
   * or {@code phone}, for a backend to attach to the devices it finds.
   */
  public static Map<String, List<String>> demoLabels(int deviceCount) {
    return DemoRack.labels(DemoRack.devices(deviceCount));
  }

  /**
   * Starts listening on 127.0.0.1. The first start fixes the port; later starts reuse it. Does
   * nothing if already running.
   *
   * @return this simulator, for chaining
   * @throws IOException if the port cannot be bound
   */
  public AdbSimulator start() throws IOException {
    server.start();
    return this;
  }

  /**
   * Stops like a killed ADB server: closes the listening socket and every client socket, device
   * trackers included, and waits for their threads. Devices and faults are kept for the next
   * {@link #start()}.
   */
  public void stop() {
    server.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /**
   * The port clients connect to.
   *
   * @throws IllegalStateException before the first {@link #start()} if the port was 0
   */
  public int port() {
    return server.port();
  }

  /** Client connections open right now, device trackers and running shells included. */
  public int openConnections() {
    return server.openConnections();
  }

  public Faults faults() {
    return faults;
  }

  /** The devices, in the order they were added, as {@code adb devices} lists them. */
  public List<VirtualDevice> devices() {
    return registry.devices();
  }

  public Optional<VirtualDevice> device(String serial) {
    return devices().stream().filter(d -> d.serial().equals(serial)).findFirst();
  }

  /** Adds the device, or replaces the one with the same serial. Trackers are notified. */
  public void putDevice(VirtualDevice device) {
    registry.put(Objects.requireNonNull(device, "device"));
  }

  /** Unplugs the device; its running shells are cut. False if there was no such device. */
  public boolean removeDevice(String serial) {
    return registry.remove(serial);
  }

  /**
   * Changes a device, e.g. {@code sim.updateDevice("emulator-5554", d -> d.withBatteryLevel(5))}.
   *
   * @throws java.util.NoSuchElementException if there is no device with that serial
   * @throws IllegalArgumentException if the change alters the serial
   */
  public VirtualDevice updateDevice(String serial, UnaryOperator<VirtualDevice> change) {
    return registry.update(serial, change);
  }

  /** Changes a device's state; leaving {@code device} cuts its running shells. */
  public void setState(String serial, DeviceState state) {
    registry.setState(serial, Objects.requireNonNull(state, "state"));
  }

  /** Adds or replaces a shell command on every device; see {@link ShellCommand}. */
  public void registerCommand(String name, ShellCommand command) {
    commands.register(name, command);
  }

  /**
   * Runs a demo rack until the JVM is stopped: {@code [port [deviceCount]]}, defaults 5037 and 8.
   * Then {@code adb -P <port> devices -l} lists it.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 5037;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    AdbSimulator sim = builder().port(port).devices(DemoRack.devices(count)).build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "adb-sim-shutdown"));
    LOG.info("demo rack of {} devices; try: adb -H 127.0.0.1 -P {} devices -l", count, sim.port());
    new CountDownLatch(1).await();
  }

  /** Configures an {@link AdbSimulator}; every setter validates its argument. */
  public static final class Builder {
    /** 0: the system picks a free port at the first start. */
    public static final int DEFAULT_PORT = 0;
    /** How long a client may stay silent when a request is due. */
    public static final long DEFAULT_READ_TIMEOUT_SECONDS = 30;
    /** One thread per connection, so this also bounds the threads. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    private int port = DEFAULT_PORT;
    private final Map<String, VirtualDevice> devices = new LinkedHashMap<>();
    private final Map<String, ShellCommand> commands = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    private Builder() {}

    /** The TCP port on 127.0.0.1, 0 to 65535; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Adds a device; a later device with the same serial replaces the earlier one. */
    public Builder device(VirtualDevice device) {
      Objects.requireNonNull(device, "device");
      devices.put(device.serial(), device);
      return this;
    }

    public Builder devices(List<VirtualDevice> devices) {
      new ArrayList<>(devices).forEach(this::device);
      return this;
    }

    /** Adds a shell command to every device; see {@link ShellCommand}. */
    public Builder command(String name, ShellCommand command) {
      Objects.requireNonNull(name, "name");
      commands.put(name, Objects.requireNonNull(command, "command"));
      return this;
    }

    /**
     * The clock for {@code sleep}, {@link ShellSession#sleep} and {@link Faults#hang}; a test can
     * pass a clock it moves by hand.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a client may stay silent when a request is due; positive. */
    public Builder readTimeout(Duration readTimeout) {
      Objects.requireNonNull(readTimeout, "readTimeout");
      if (readTimeout.isNegative() || readTimeout.isZero()
          || readTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("readTimeout must be positive and fit in int millis: "
            + readTimeout);
      }
      this.readTimeout = readTimeout;
      return this;
    }

    /** The most connections served at once, 1 or more; more are closed on arrival. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    public AdbSimulator build() {
      return new AdbSimulator(this);
    }
  }
}
