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
 * twice for different events. {@link #append} is called by one publisher thread per feed; reads may
 * come from any thread.
 */
public final class EventLog {

  /** One stored event: its seq and the frame as sent. */
  public record StoredEvent(long seq, String payload) {}

  /** The seq range a feed's log holds: {@code oldest} 0 when empty, {@code latest} 0 when nothing was issued. */
  public record Bounds(long oldest, long latest) {}

  private final DataSource dataSource;
  private final BooleanSupplier ready;
  private final Clock clock;
  private final Map<Feed, Long> latest = new EnumMap<>(Feed.class);
  /** Per feed, the seq of a write that failed after it may have committed; guarded by {@code latest}. */
  private final Map<Feed, Long> uncertain = new EnumMap<>(Feed.class);

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
    Long alreadyStored = storedByAnUncertainWrite(feed, payloadAt);
    if (alreadyStored != null) {
      return alreadyStored;
    }
    long seq = latest(feed) + 1;
    String payload = payloadAt.apply(seq);
    try (Connection connection = connection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO feed_events (feed, seq, created_at, payload) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, feed.value());
      insert.setLong(2, seq);
      insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      insert.setString(4, payload);
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // The row may have been committed before the failure: the next append reads the seq anew,
      // and checks whether this event got it.
      synchronized (latest) {
        latest.remove(feed);
        uncertain.put(feed, seq);
      }
      throw new EventLogUnavailableException("event log write failed: " + e.getMessage(), e);
    }
    synchronized (latest) {
      latest.put(feed, seq);
    }
    return seq;
  }

  /**
   * After a write whose outcome was unknown (the connection failed after the insert), the
   * publisher appends the same event again: if the table holds exactly that event under the
   * uncertain seq, the first write did commit, and its seq is the answer — the event is not
   * stored, and sent, twice.
   *
   * @return the seq the event already has, or null when it must be appended
   */
  private Long storedByAnUncertainWrite(Feed feed, LongFunction<String> payloadAt) {
    Long seq;
    synchronized (latest) {
      seq = uncertain.get(feed);
    }
    if (seq == null) {
      return null;
    }
    List<StoredEvent> stored = after(feed, seq - 1, 1);
    synchronized (latest) {
      uncertain.remove(feed);
    }
    boolean committed = !stored.isEmpty() && stored.get(0).seq() == seq && stored.get(0).payload().equals(payloadAt.apply(seq));
    return committed ? seq : null;
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
   * after a restart.
   *
   * @return rows deleted
   */
  public int purge(Feed feed, long keepEvents, Instant olderThan) {
    long newest = latest(feed);
    if (newest == 0) {
      return 0;
    }
    try (Connection connection = connection();
        PreparedStatement byCount = connection.prepareStatement("DELETE FROM feed_events WHERE feed = ? AND seq <= ?");
        PreparedStatement byAge =
            connection.prepareStatement("DELETE FROM feed_events WHERE feed = ? AND created_at < ? AND seq < ?")) {
      byCount.setString(1, feed.value());
      byCount.setLong(2, newest - keepEvents);
      int deleted = byCount.executeUpdate();
      byAge.setString(1, feed.value());
      byAge.setObject(2, OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC));
      byAge.setLong(3, newest);
      deleted += byAge.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return deleted;
    } catch (SQLException e) {
      throw new EventLogUnavailableException("event log purge failed: " + e.getMessage(), e);
    }
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
      throw new EventLogUnavailableException("the database is not ready", null);
    }
    return dataSource.getConnection();
  }
}
