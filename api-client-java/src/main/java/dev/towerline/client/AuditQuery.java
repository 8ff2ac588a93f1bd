package dev.towerline.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit entries {@link TowerlineClient#listAuditEntries(AuditQuery)} lists, and which page.
 * Every field is optional (null: no filter, or the server's default); each {@code withX} returns a
 * copy. Entries come newest first.
 *
 * <pre>{@code
 * Page<AuditEntry> lastHour = towerline.listAuditEntries(AuditQuery.all()
 *     .withActor("ci-runner")
 *     .withOperation("createExecution")
 *     .withSince(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)));
 * }</pre>
 *
 * @param pageSize 1–500 (server default 50)
 * @param actor a token's name, or {@code anonymous}
 * @param operation an {@code operationId} such as {@code createExecution}, or an admin action such
 *     as {@code reloadTokens}
 * @param since entries recorded at or after this instant
 * @param until entries recorded before this instant
 */
public record AuditQuery(
    Integer pageSize, String pageToken, String actor, String operation, OffsetDateTime since, OffsetDateTime until) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }

  public AuditQuery withPageSize(Integer pageSize) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  public AuditQuery withPageToken(String pageToken) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  public AuditQuery withActor(String actor) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  public AuditQuery withOperation(String operation) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  public AuditQuery withSince(OffsetDateTime since) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  public AuditQuery withUntil(OffsetDateTime until) {
    return new AuditQuery(pageSize, pageToken, actor, operation, since, until);
  }

  Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("page_size", pageSize);
    parameters.put("page_token", pageToken);
    parameters.put("actor", actor);
    parameters.put("operation", operation);
    parameters.put("since", rfc3339(since));
    parameters.put("until", rfc3339(until));
    return parameters;
  }

  // OffsetDateTime.toString() drops zero seconds ("10:00Z"), which RFC 3339 does not allow.
  private static String rfc3339(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }
}
