package dev.towerline.server.executions;

/**
 * Shows on a device that it runs an execution ({@code busy} and {@code current_execution_id}).
 * Main wires it to the device tracker's {@code markBusy}/{@code markIdle}.
 */
public interface DeviceOccupancy {
  void busy(String serial, String executionId);

  void idle(String serial);

  /** For tests and for servers without device tracking. */
  static DeviceOccupancy none() {
    return new DeviceOccupancy() {
      @Override
      public void busy(String serial, String executionId) {}

      @Override
      public void idle(String serial) {}
    };
  }
}
