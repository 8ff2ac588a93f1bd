package dev.towerline.client;

/** Server frames of the feeds, as the contract's examples write them. */
final class FeedFrames {

  static final String TS = "2026-12-07T04:00:00Z";

  private FeedFrames() {}

  static String ack(String feed, int heartbeatSeconds) {
    return "{\"type\":\"connection_ack\",\"ts\":\"" + TS + "\",\"session_id\":\"ws_test\",\"feed\":\"" + feed
        + "\",\"api_version\":\"1.1.0\",\"heartbeat_interval_seconds\":" + heartbeatSeconds + "}";
  }

  static String devicesSnapshot(long seq, String... serials) {
    StringBuilder devices = new StringBuilder();
    for (String serial : serials) {
      devices.append(devices.length() == 0 ? "" : ",").append(device(serial, "online"));
    }
    return "{\"type\":\"snapshot\",\"ts\":\"" + TS + "\",\"feed\":\"devices\",\"seq\":" + seq + ",\"devices\":[" + devices + "]}";
  }

  static String deviceUpdated(long seq, String serial, String state) {
    return "{\"type\":\"device.updated\",\"seq\":" + seq + ",\"ts\":\"" + TS + "\",\"device\":" + device(serial, state) + "}";
  }

  static String resyncRequired(String feed, long requestedSince, long oldest, long latest, String reason) {
    return "{\"type\":\"resync_required\",\"ts\":\"" + TS + "\",\"feed\":\"" + feed + "\",\"requested_since\":" + requestedSince
        + ",\"oldest_seq\":" + oldest + ",\"latest_seq\":" + latest + ",\"reason\":\"" + reason + "\"}";
  }

  static String ping(String nonce) {
    return "{\"type\":\"ping\",\"ts\":\"" + TS + "\",\"nonce\":\"" + nonce + "\"}";
  }

  static String executionsSnapshot(long seq) {
    return "{\"type\":\"snapshot\",\"ts\":\"" + TS + "\",\"feed\":\"executions\",\"seq\":" + seq + ",\"executions\":[" + Fixtures.EXECUTION + "]}";
  }

  static String executionUpdated(long seq, String status) {
    return "{\"type\":\"execution.updated\",\"seq\":" + seq + ",\"ts\":\"" + TS + "\",\"execution\":"
        + Fixtures.EXECUTION.replace("\"queued\"", "\"" + status + "\"") + "}";
  }

  static String executionOutput(long seq, long offset, String data) {
    return "{\"type\":\"execution.output\",\"seq\":" + seq + ",\"ts\":\"" + TS + "\",\"execution_id\":\"ex_01JD4Z8Q2M7W\","
        + "\"device_serial\":\"emulator-5554\",\"offset\":" + offset + ",\"data\":\"" + data + "\"}";
  }

  static String dashboardSnapshot(long seq) {
    return "{\"type\":\"snapshot\",\"ts\":\"" + TS + "\",\"feed\":\"dashboard\",\"seq\":" + seq + ",\"stats\":" + STATS + "}";
  }

  static String stats(long seq) {
    return "{\"type\":\"stats\",\"seq\":" + seq + ",\"ts\":\"" + TS + "\",\"stats\":" + STATS + "}";
  }

  static String envelope(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":{}},\"request_id\":\"" + FaultServer.REQUEST_ID + "\"}";
  }

  private static final String STATS =
      "{\"devices_by_state\":{\"online\":9,\"busy\":2,\"offline\":1,\"unauthorized\":0,\"recovery\":0,\"bootloader\":0},"
          + "\"executions_by_status\":{\"queued\":3,\"running\":2,\"succeeded\":140,\"failed\":7,\"cancelled\":1,"
          + "\"timed_out\":2,\"error\":3,\"interrupted\":0},\"open_breakers\":1,\"connected_clients\":4}";

  private static String device(String serial, String state) {
    return Fixtures.DEVICE.replace("emulator-5554", serial).replace("\"online\"", "\"" + state + "\"");
  }
}
