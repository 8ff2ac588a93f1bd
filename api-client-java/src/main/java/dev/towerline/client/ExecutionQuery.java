package dev.towerline.client;

import dev.towerline.protocol.ExecutionStatus;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which executions {@link TowerlineClient#listExecutions(ExecutionQuery)} lists, and which page.
 * Every field is optional (null: the server's default); each {@code withX} returns a copy.
 *
 * <pre>{@code
 * Page<Execution> failedToday = towerline.listExecutions(ExecutionQuery.all()
 *     .withStatus(ExecutionStatus.FAILED)
 *     .withCreatedAfter(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS))
 *     .withPageSize(100));
 * }</pre>
 */
public record ExecutionQuery(
    Integer pageSize,
    String pageToken,
    ExecutionStatus status,
    String deviceSerial,
    OffsetDateTime createdAfter,
    OffsetDateTime createdBefore,
    String sort) {

  public static ExecutionQuery all() {
    return new ExecutionQuery(null, null, null, null, null, null, null);
  }

  public ExecutionQuery withPageSize(Integer pageSize) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withPageToken(String pageToken) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withStatus(ExecutionStatus status) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withDeviceSerial(String deviceSerial) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withCreatedAfter(OffsetDateTime createdAfter) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withCreatedBefore(OffsetDateTime createdBefore) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  public ExecutionQuery withSort(String sort) {
    return new ExecutionQuery(pageSize, pageToken, status, deviceSerial, createdAfter, createdBefore, sort);
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("page_size", pageSize);
    parameters.put("page_token", pageToken);
    parameters.put("status", status == null ? null : status.value());
    parameters.put("device_serial", deviceSerial);
    parameters.put("created_after", rfc3339(createdAfter));
    parameters.put("created_before", rfc3339(createdBefore));
    parameters.put("sort", sort);
    return parameters;
  }

  // OffsetDateTime.toString() drops zero seconds ("10:00Z"), which RFC 3339 does not allow.
  private static String rfc3339(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }
}
