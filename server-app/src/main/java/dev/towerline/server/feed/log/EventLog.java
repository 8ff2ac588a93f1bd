package dev.towerline.server.feed.log;

import dev.towerline.protocol.Feed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * The persistent event log of the feeds (table {@code feed_events}), plain JDBC. Each feed has its
 * own seq counter, initialised from {@code MAX(seq)} the first time the feed is used, so seqs
 * continue after a restart. The counter is only a cache of the table: the primary key (feed, seq)
 * refuses a seq that was already stored, and after any failed or uncertain write, or while the
 * database is not ready, the counter is read again from the table, so a seq is never handed out
 * twice for different events. {@link #append} and {@link #appendAll} are called by one publisher
 * thread per feed; reads may come from any thread. {@link #appendAll} writes several events with
 * one multi-row INSERT, one commit, so a busy feed does not pay a commit per event.
 */
public final class EventLog {
  /**
   * Seqs deleted per statement and commit by {@link #purge}: on H2 a batch's commit holds every
   * other commit behind it, 2–6 ms for 1,000 events of 0.5 KB and under 1 ms for 250.
   */
  static final int PURGE_BATCH = 250;

  /** One stored event: its seq and the frame as sent. */
  public record StoredEvent(long seq, String payload) {}

  /** The seq range a feed's log holds: {@code oldest} 0 when empty, {@code latest} 0 when nothing was issued. */
  public record Bounds(long oldest, long latest) {}

  private final DataSource dataSource;
  private final BooleanSupplier ready;
  private final Clock clock;
  private final Map<Feed, Long> latest = new EnumMap<>(Feed.class);
  /**
   * Per feed, the seqs given to the leading events of an append that failed after it may have
   * committed, in event order; guarded by {@code latest}.
   */
  private final Map<Feed, List<Long>> uncertain = new EnumMap<>(Feed.class);

  /**
   * @param ready true once the schema is migrated (reads and writes fail before)
   */
  public EventLog(DataSource dataSource, BooleanSupplier ready, Clock clock) {
    this.dataSource = dataSource;
    this.ready = ready;
    this.clock = clock;
  }

  /**
   * Persists the next event of {@code feed}: {@code payloadAt} renders it with the seq it gets.
   *
   * @return the seq, once the row is committed
   * @throws EventLogUnavailableException when the database cannot take it (the seq is not used)
   */
  public long append(Feed feed, LongFunction<String> payloadAt) {
    return appendAll(feed, List.of(payloadAt)).get(0);
  }

  /**
   * Persists the next events of {@code feed} in one statement, so they share one commit: the i-th
   * of {@code payloadsAt} renders the i-th event with the seq it gets. All are rendered before the
   * database is touched, so an event that cannot be rendered uses no seq.
   *
   * @return the seqs of the events, in their order, once every row is committed
   * @throws EventLogUnavailableException when the database cannot take them now; append the same
   *     events again: if the failed write did commit, they keep the seqs it gave them
   */
  public List<Long> appendAll(Feed feed, List<LongFunction<String>> payloadsAt) {
    if (payloadsAt.isEmpty()) {
      return List.of();
    }
    List<Long> stored = storedByAnUncertainWrite(feed, payloadsAt);
    if (stored.size() == payloadsAt.size()) {
      return stored;
    }
    List<Long> seqs = new ArrayList<>(payloadsAt.size());
    seqs.addAll(stored);
    seqs.addAll(insert(feed, payloadsAt.subList(stored.size(), payloadsAt.size()), stored));
    return seqs;
  }

  /** One multi-row INSERT of the next seqs; {@code confirmed} are the seqs of the events before these. */
  private List<Long> insert(Feed feed, List<LongFunction<String>> payloadsAt, List<Long> confirmed) {
    long first;
    List<String> payloads = new ArrayList<>(payloadsAt.size());
    List<Long> seqs = new ArrayList<>(payloadsAt.size());
    try {
      first = latest(feed) + 1;
      for (int i = 0; i < payloadsAt.size(); i++) {
        seqs.add(first + i);
        payloads.add(payloadsAt.get(i).apply(first + i));
      }
    } catch (RuntimeException e) {
      markUncertain(feed, confirmed); // Nothing written: only the events confirmed before stay to be checked.
      throw e;
    }
    try (Connection connection = connection(); PreparedStatement insert = connection.prepareStatement(insertSql(payloads.size()))) {
      OffsetDateTime createdAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
      int column = 1;
      for (int i = 0; i < payloads.size(); i++) {
        insert.setString(column++, feed.value());
        insert.setLong(column++, seqs.get(i));
        insert.setObject(column++, createdAt);
        insert.setString(column++, payloads.get(i));
      }
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException | RuntimeException e) {
      // The rows may have been committed before the failure: the next append reads the seqs anew,
      // and checks whether these events got them. The confirmed ones before them stay confirmed.
      List<Long> unsure = new ArrayList<>(confirmed);
      unsure.addAll(seqs);
      markUncertain(feed, unsure);
      if (e instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      throw new EventLogUnavailableException("event log write failed: " + e.getMessage(), e);
    }
    synchronized (latest) {
      latest.put(feed, first + payloads.size() - 1);
    }
    return seqs;
  }

  /** The next append checks which of the events given {@code seqs} are stored; empty: nothing to check. */
  private void markUncertain(Feed feed, List<Long> seqs) {
    synchronized (latest) {
      latest.remove(feed);
      if (!seqs.isEmpty()) {
        uncertain.put(feed, List.copyOf(seqs));
      }
    }
  }

  private static String insertSql(int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO feed_events (feed, seq, created_at, payload) VALUES (?, ?, ?, ?)");
    for (int i = 1; i < rows; i++) {
      sql.append(", (?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /**
   * After a write whose outcome was unknown (the connection failed after the insert), the
   * publisher appends the same events again: each leading event that the table holds exactly, under
   * the seq the failed write gave it, was committed, and keeps that seq — it is not stored, and
   * sent, twice. A multi-row INSERT commits all its rows or none, so this is a prefix.
   *
   * @return the seqs of the leading events that are stored already (empty when all must be appended)
   */
  private List<Long> storedByAnUncertainWrite(Feed feed, List<LongFunction<String>> payloadsAt) {
    List<Long> seqs;
    synchronized (latest) {
      seqs = uncertain.get(feed);
    }
    if (seqs == null) {
      return List.of();
    }
    Map<Long, String> rows = new HashMap<>();
    long lowest = seqs.get(0);
    long highest = seqs.get(seqs.size() - 1);
    for (StoredEvent row : after(feed, lowest - 1, (int) Math.min(Integer.MAX_VALUE, highest - lowest + 1))) {
      rows.put(row.seq(), row.payload());
    }
    synchronized (latest) {
      uncertain.remove(feed);
    }
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < Math.min(seqs.size(), payloadsAt.size()); i++) {
      long seq = seqs.get(i);
      String row = rows.get(seq);
      if (row == null || !row.equals(payloadsAt.get(i).apply(seq))) {
        break;
      }
      stored.add(seq);
    }
    return stored;
  }

  /** Events of {@code feed} with a seq greater than {@code after}, oldest first, at most {@code limit}. */
  public List<StoredEvent> after(Feed feed, long after, int limit) {
    try (Connection connection = connection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq, payload FROM feed_events WHERE feed = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      select.setString(1, feed.value());
      select.setLong(2, after);
      select.setInt(3, limit);
      List<StoredEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(new StoredEvent(rows.getLong(1), rows.getString(2)));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new EventLogUnavailableException("event log read failed: " + e.getMessage(), e);
    }
  }

  /** The latest seq issued for {@code feed} (0 when none). */
  public long latest(Feed feed) {
    synchronized (latest) {
      Long known = latest.get(feed);
      if (known != null) {
        return known;
      }
      long loaded = queryLong("SELECT COALESCE(MAX(seq), 0) FROM feed_events WHERE feed = ?", feed);
      latest.put(feed, loaded);
      return loaded;
    }
  }

  /** Oldest retained and latest issued seq of {@code feed}. */
  public Bounds bounds(Feed feed) {
    long newest = latest(feed);
    long oldest = queryLong("SELECT COALESCE(MIN(seq), 0) FROM feed_events WHERE feed = ?", feed);
    return new Bounds(oldest, newest);
  }

  /**
   * Applies retention to {@code feed}: keeps at most {@code keepEvents} events and none created
   * before {@code olderThan} — except the latest one, which always stays so that seqs continue
   * after a restart. Deletes from the oldest seq up, {@value #PURGE_BATCH} seqs per statement and
   * commit, each statement a range of the primary key: one statement deleting a busy feed's
   * hundred thousand events held the database's writes behind it (H2 writes one commit at a time),
   * and a {@code seq IN (subquery)} batch made H2 read every event of the feed for each batch.
   * Events are appended in time order, so those too old form the front of the log; age retention
   * stops at the first range that holds none.
   *
   * @return rows deleted
   */
  public int purge(Feed feed, long keepEvents, Instant olderThan) {
    long newest = latest(feed);
    if (newest == 0) {
      return 0;
    }
    try (Connection connection = connection();
        PreparedStatement oldest = connection.prepareStatement(
            "SELECT seq FROM feed_events WHERE feed = ? ORDER BY seq LIMIT 1");
        PreparedStatement byCount = connection.prepareStatement(
            "DELETE FROM feed_events WHERE feed = ? AND seq >= ? AND seq <= ?");
        PreparedStatement byAge = connection.prepareStatement(
            "DELETE FROM feed_events WHERE feed = ? AND seq >= ? AND seq <= ? AND created_at < ?")) {
      oldest.setString(1, feed.value());
      byCount.setString(1, feed.value());
      byAge.setString(1, feed.value());
      byAge.setObject(4, OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC));
      int deleted = 0;
      long keepFrom = newest - keepEvents + 1;
      for (long from = oldestSeq(oldest); from > 0 && from < keepFrom; from += PURGE_BATCH) {
        deleted += deleteRange(connection, byCount, from, Math.min(from + PURGE_BATCH, keepFrom) - 1);
      }
      for (long from = oldestSeq(oldest); from > 0 && from < newest; from += PURGE_BATCH) {
        int old = deleteRange(connection, byAge, from, Math.min(from + PURGE_BATCH, newest) - 1);
        if (old == 0) {
          break;
        }
        deleted += old;
      }
      return deleted;
    } catch (SQLException e) {
      throw new EventLogUnavailableException("event log purge failed: " + e.getMessage(), e);
    }
  }

  /** The oldest seq the feed holds, 0 when it holds none. */
  private static long oldestSeq(PreparedStatement oldest) throws SQLException {
    try (ResultSet rows = oldest.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  private static int deleteRange(Connection connection, PreparedStatement delete, long from, long to) throws SQLException {
    delete.setLong(2, from);
    delete.setLong(3, to);
    int deleted = delete.executeUpdate();
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
    return deleted;
  }

  private long queryLong(String sql, Feed feed) {
    try (Connection connection = connection(); PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, feed.value());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new EventLogUnavailableException("event log read failed: " + e.getMessage(), e);
    }
  }

  private Connection connection() throws SQLException {
    if (!ready.getAsBoolean()) {
      // Another server may have written while this one could not: read every counter anew.
      synchronized (latest) {
        latest.clear();
      }
      throw EventLogUnavailableException.notReady();
    }
    return dataSource.getConnection();
  }
}
