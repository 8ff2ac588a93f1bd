package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/** What every connection of one server run shares. */
record ServerContext(
    DeviceRegistry registry,
    FaultPlan faults,
    ShellInterpreter interpreter,
    BooleanSupplier stopping) {

  /** Holds a request while a hang fault is on; throws when the client gives up or we stop. */
  void holdWhileHanging(ClientLink link) throws IOException {
    link.waitWhile(faults::hanging, stopping);
  }
}
