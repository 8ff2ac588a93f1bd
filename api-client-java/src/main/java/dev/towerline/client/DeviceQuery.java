package dev.towerline.client;

import dev.towerline.protocol.DeviceState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which devices {@link TowerlineClient#listDevices(DeviceQuery)} lists, and which page. Every
 * field is optional (null: the server's default); each {@code withX} returns a copy.
 *
 * <pre>{@code
 * DeviceQuery online = DeviceQuery.all().withState(DeviceState.ONLINE).withPageSize(50);
 * }</pre>
 */
public record DeviceQuery(
    Integer pageSize, String pageToken, DeviceState state, String model, String label, String q, String sort) {

  public static DeviceQuery all() {
    return new DeviceQuery(null, null, null, null, null, null, null);
  }

  public DeviceQuery withPageSize(Integer pageSize) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withPageToken(String pageToken) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withState(DeviceState state) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withModel(String model) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withLabel(String label) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withText(String q) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  public DeviceQuery withSort(String sort) {
    return new DeviceQuery(pageSize, pageToken, state, model, label, q, sort);
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("page_size", pageSize);
    parameters.put("page_token", pageToken);
    parameters.put("state", state == null ? null : state.value());
    parameters.put("model", model);
    parameters.put("label", label);
    parameters.put("q", q);
    parameters.put("sort", sort);
    return parameters;
  }
}
