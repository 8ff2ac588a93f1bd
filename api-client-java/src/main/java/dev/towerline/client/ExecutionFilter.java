package dev.towerline.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which events {@link TowerlineClient#watchExecutions} receives: all (the default), one
 * execution's, or those of executions on one device. Null fields do not filter; both together
 * must both match. A filtered feed skips the other executions' seqs, so its seqs have gaps.
 *
 * <pre>{@code
 * towerline.watchExecutions(ExecutionFilter.all().withDeviceSerial("emulator-5554"), event -> ...);
 * }</pre>
 */
public record ExecutionFilter(String executionId, String deviceSerial) {

  public static ExecutionFilter all() {
    return new ExecutionFilter(null, null);
  }

  public ExecutionFilter withExecutionId(String executionId) {
    return new ExecutionFilter(executionId, deviceSerial);
  }

  public ExecutionFilter withDeviceSerial(String deviceSerial) {
    return new ExecutionFilter(executionId, deviceSerial);
  }

  boolean filters() {
    return executionId != null || deviceSerial != null;
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("execution_id", executionId);
    parameters.put("device_serial", deviceSerial);
    return parameters;
  }
}
