package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ADB server's life cycle. The port is fixed at the first start (an ephemeral one if
 * 0 was asked for) and reused by every later start, as a restarted real server would be.
 */
public final class SimulatorServer {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

  /** Everything a server needs; built once by the public API. */
  public record Settings(
      int port,
      DeviceRegistry registry,
      FaultPlan faults,
      CommandTable commands,
      Clock clock,
      Duration readTimeout,
      int maxConnections) {}

  private final Settings settings;
  private int port;
  private ServerRun run;

  public SimulatorServer(Settings settings) {
    this.settings = settings;
    this.port = settings.port();
  }

  /** Starts listening; does nothing if already running. */
  public synchronized void start() throws IOException {
    if (run != null) {
      return;
    }
    run = ServerRun.open(port, settings);
    port = run.port();
    LOG.info("ADB simulator listening on 127.0.0.1:{} with {} devices", port,
        settings.registry().devices().size());
  }

  /** Stops listening and cuts every connection; does nothing if not running. */
  public synchronized void stop() {
    if (run == null) {
      return;
    }
    run.stop();
    run = null;
    LOG.info("ADB simulator on port {} stopped", port);
  }

  public synchronized boolean isRunning() {
    return run != null;
  }

  /** The port, once the server has started at least once. */
  public synchronized int port() {
    if (port == 0) {
      throw new IllegalStateException("the simulator has not been started yet, so has no port");
    }
    return port;
  }

  public synchronized int openConnections() {
    return run == null ? 0 : run.openConnections();
  }
}
