package dev.towerline.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.auth.Role;
import dev.towerline.server.listing.Page;
import dev.towerline.server.text.UnicodeText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The audit log. {@link #record} stores an action durably (committed when it returns) with its
 * payload's secrets redacted — concurrent records share one transaction ({@link AuditGroupCommit}) —
 * or {@link #recordIn} another write's transaction; {@link #list} reads entries newest first; {@link #purgeRecordedBefore}
 * is retention, the only way entries are ever removed. Thread-safe.
 */
public final class AuditLog {
  // Column widths of audit_entries: longer text is cut rather than refused, so a refusal of an
  // oversized value is still recorded.
  private static final int NAME_WIDTH = 128;
  private static final int ADDRESS_WIDTH = 64;
  private static final int OPERATION_WIDTH = 64;
  private static final int EXECUTION_ID_WIDTH = 64;

  private final AuditStore store;
  private final AuditGroupCommit writes;
  private final ObjectMapper json;
  private final Clock clock;

  /**
   * @param ready true once the schema is migrated (reads and writes fail before)
   */
  public AuditLog(DataSource dataSource, BooleanSupplier ready, ObjectMapper json, Clock clock) {
    this.store = new AuditStore(dataSource, ready, json);
    this.writes = new AuditGroupCommit(store);
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records {@code event} now, its payload redacted.
   *
   * @return the stored entry
   * @throws AuditUnavailableException when the database cannot take it
   */
  public AuditEntry record(AuditEvent event) {
    AuditEvent stored = storable(event);
    Instant now = now();
    return new AuditEntry(writes.insert(stored, now), now, stored);
  }

  /**
   * Records {@code event} now, its payload redacted, on {@code connection}'s open transaction: it is
   * committed, or rolled back, with whatever else that transaction writes.
   *
   * @return the entry as it is stored once the transaction commits
   */
  public AuditEntry recordIn(Connection connection, AuditEvent event) throws SQLException {
    AuditEvent stored = storable(event);
    Instant now = now();
    try {
      return new AuditEntry(store.insertOn(connection, List.of(new AuditStore.Row(stored, now))).get(0), now, stored);
    } catch (JsonProcessingException e) {
      throw new AuditUnavailableException("audit payload cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@code event} recorded now, its payload redacted, as one INSERT statement for another write to
   * send in its own transaction (see {@link #recordIn}): committed, or rolled back, with it.
   *
   * @throws AuditUnavailableException when the payload cannot be written as JSON
   */
  public Insert insertOf(AuditEvent event) {
    AuditEvent stored = storable(event);
    try {
      return new Insert(stored, now(), store.payloadJson(stored));
    } catch (JsonProcessingException e) {
      throw new AuditUnavailableException("audit payload cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** One entry's INSERT: {@link #sql()} with {@code ?} parameters that {@link #bind} sets. */
  public static final class Insert {
    private final AuditEvent event;
    private final Instant at;
    private final String payloadJson;

    private Insert(AuditEvent event, Instant at, String payloadJson) {
      this.event = event;
      this.at = at;
      this.payloadJson = payloadJson;
    }

    public String sql() {
      return AuditStore.insertSql();
    }

    /** Sets the statement's parameters of this entry, the first at {@code firstIndex}. */
    public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
      AuditStore.bind(statement, firstIndex, event, at, payloadJson);
    }
  }

  private static AuditEvent storable(AuditEvent event) {
    return new AuditEvent(
            fit(event.actor(), NAME_WIDTH),
            event.role(),
            fit(event.clientAddress(), ADDRESS_WIDTH),
            fit(event.requestId(), NAME_WIDTH),
            fit(event.operation(), OPERATION_WIDTH),
            new AuditTarget(fit(event.target().executionId(), EXECUTION_ID_WIDTH), fit(event.target().deviceSerial(), NAME_WIDTH)),
            event.outcome(),
            event.payload() == null ? null : SecretRedaction.redact(event.payload()),
            event.payloadOmitted());
  }

  // What the database keeps (microseconds), so the entry returned equals the one read back.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Records an admin action that does not come through the REST API, such as a token reload: who
   * (a token's name, or {@code "system"} for a reload the server started itself), the action's
   * name, its parameters (redacted like any payload; never pass a token itself) and how it ended.
   *
   * @throws AuditUnavailableException when the database cannot take it
   */
  public AuditEntry recordAdminAction(
      String actor, Role role, String action, Map<String, ?> parameters, AuditOutcome outcome) {
    return record(
        new AuditEvent(actor, role, null, null, action, AuditTarget.NONE, outcome, json.valueToTree(parameters), null));
  }

  /**
   * Entries matching {@code query}, newest first.
   *
   * @param pageToken the previous page's token; null for the first page
   * @throws dev.towerline.server.error.ApiException INVALID_PAGE_TOKEN for a token of other filters
   * @throws AuditUnavailableException when the database cannot be read
   */
  public Page<AuditEntry> list(AuditQuery query, int pageSize, String pageToken) {
    long before = pageToken == null ? Long.MAX_VALUE : AuditPageTokens.decode(pageToken, query);
    // One more than asked tells whether another page exists.
    List<AuditEntry> entries = store.newestFirst(query, before, pageSize + 1);
    if (entries.size() <= pageSize) {
      return new Page<>(entries, pageSize, Optional.empty());
    }
    List<AuditEntry> page = entries.subList(0, pageSize);
    return new Page<>(page, pageSize, Optional.of(AuditPageTokens.encode(query, page.get(pageSize - 1).id())));
  }

  /**
   * Deletes the entries recorded before {@code cutoff}.
   *
   * @return how many were deleted
   * @throws AuditUnavailableException when the database cannot be reached
   */
  public int purgeRecordedBefore(Instant cutoff) {
    return store.deleteRecordedBefore(cutoff);
  }

  /** {@code text} cut to {@code width} and made storable: no lone surrogate, no NUL (PostgreSQL refuses it). */
  private static String fit(String text, int width) {
    if (text == null) {
      return null;
    }
    String cut = text;
    if (text.length() > width) {
      cut = text.substring(0, Character.isHighSurrogate(text.charAt(width - 1)) ? width - 1 : width);
    }
    return UnicodeText.printable(cut).replace('\u0000', '\uFFFD');
  }
}
