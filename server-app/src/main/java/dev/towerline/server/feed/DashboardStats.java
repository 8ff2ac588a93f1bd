package dev.towerline.server.feed;

import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.protocol.StatsSummary;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.ExecutionService;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The dashboard's figures: devices by state, executions by status (active ones now, finished ones
 * as counted since start), open breakers and connected clients. Thread-safe.
 */
final class DashboardStats {
  private final DeviceDirectory devices;
  private final ExecutionService executions;
  private final IntSupplier connectedClients;
  private final Map<ExecutionStatus, AtomicLong> finishedSeen = new EnumMap<>(ExecutionStatus.class);

  DashboardStats(DeviceDirectory devices, ExecutionService executions, IntSupplier connectedClients) {
    this.devices = devices;
    this.executions = executions;
    this.connectedClients = connectedClients;
    for (ExecutionStatus status : ExecutionStatus.values()) {
      finishedSeen.put(status, new AtomicLong());
    }
  }

  /** Counts an execution that has just reached {@code status}, if that status is final. */
  void changed(ExecutionRecord execution) {
    if (execution.isFinished()) {
      finishedSeen.get(execution.status()).incrementAndGet();
    }
  }

  StatsSummary now() {
    Map<String, Long> byState = new LinkedHashMap<>();
    for (DeviceState state : DeviceState.values()) {
      byState.put(state.value(), 0L);
    }
    long openBreakers = 0;
    for (Device device : devices.all()) {
      byState.merge(device.getState().value(), 1L, Long::sum);
      if (device.getLink() != null && device.getLink().getBreakerState() == BreakerState.OPEN) {
        openBreakers++;
      }
    }
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (ExecutionStatus status : ExecutionStatus.values()) {
      byStatus.put(status.value(), finishedSeen.get(status).get());
    }
    // Counted in memory: loading every queued execution from the database every few seconds took
    // tens of milliseconds of CPU from the requests when thousands were queued.
    ExecutionService.ActiveCounts active = executions.activeCounts();
    byStatus.merge(ExecutionStatus.QUEUED.value(), (long) active.queued(), Long::sum);
    byStatus.merge(ExecutionStatus.RUNNING.value(), (long) active.running(), Long::sum);
    return new StatsSummary()
        .withDevicesByState(byState)
        .withExecutionsByStatus(byStatus)
        .withOpenBreakers(openBreakers)
        .withConnectedClients((long) connectedClients.getAsInt());
  }
}
