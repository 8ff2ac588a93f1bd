package dev.towerline.server.listing;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pages through a set whose members and sort keys change while a client walks it (devices change
 * state and last-seen time every few seconds). The first page fixes the order of the keys that
 * match the query; later pages slice that snapshot and show each member as it is now, so every
 * member that existed when the listing started appears exactly once. The page token names the
 * snapshot and the offset; it is only valid with the query it was issued for, and expires with
 * its snapshot.
 */
public final class SnapshotListings<T> {
  /** Long enough to page through a lab at human or script speed. */
  public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);
  /** Bounds memory: the oldest snapshot is dropped beyond this. */
  public static final int DEFAULT_MAX_SNAPSHOTS = 1000;

  private static final String PREFIX = "s1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Clock clock;
  private final Duration retention;
  private final int maxSnapshots;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

  public SnapshotListings(Clock clock, Duration retention, int maxSnapshots) {
    this.clock = clock;
    this.retention = retention;
    this.maxSnapshots = maxSnapshots;
  }

  private record Snapshot(List<String> keys, String queryFingerprint, Instant createdAt) {}

  /**
   * A page of the listing.
   *
   * @param queryFingerprint identifies filters and sort; a token is refused with another one
   * @param orderedKeys computes the matching keys in order; called only for the first page
   * @param current the member as it is now, or empty when it is gone
   */
  public Page<T> page(
      String queryFingerprint,
      int pageSize,
      String pageToken,
      Supplier<List<String>> orderedKeys,
      Function<String, Optional<T>> current) {
    String snapshotId;
    int offset;
    Snapshot snapshot;
    if (pageToken == null) {
      snapshotId = null; // made only when a next page needs a token
      offset = 0;
      snapshot = new Snapshot(List.copyOf(orderedKeys.get()), queryFingerprint, clock.instant());
    } else {
      String[] parts = decode(pageToken);
      snapshotId = parts[1];
      offset = Integer.parseInt(parts[2]);
      snapshot = find(snapshotId, queryFingerprint);
    }
    List<String> keys = snapshot.keys();
    int end = Math.min(keys.size(), offset + pageSize);
    List<T> items = keys.subList(Math.min(offset, keys.size()), end).stream().map(current).flatMap(Optional::stream).toList();
    Optional<String> next = Optional.empty();
    if (end < keys.size()) {
      if (snapshotId == null) {
        snapshotId = newId();
      }
      remember(snapshotId, snapshot);
      next = Optional.of(encode(snapshotId, end));
    }
    return new Page<>(items, pageSize, next);
  }

  /**
   * The first page of a listing whose matching members are all at hand, in order: the page is a
   * slice of them, and their keys are kept as a snapshot only when a next page needs a token.
   *
   * @param key what names a member on later pages, see {@link #page}
   */
  public Page<T> firstPage(String queryFingerprint, int pageSize, List<T> ordered, Function<T, String> key) {
    if (ordered.size() <= pageSize) {
      return new Page<>(ordered, pageSize, Optional.empty());
    }
    List<String> keys = ordered.stream().map(key).toList();
    String snapshotId = newId();
    remember(snapshotId, new Snapshot(keys, queryFingerprint, clock.instant()));
    return new Page<>(ordered.subList(0, pageSize), pageSize, Optional.of(encode(snapshotId, pageSize)));
  }

  private synchronized void remember(String id, Snapshot snapshot) {
    evictExpired();
    snapshots.put(id, snapshot);
    while (snapshots.size() > maxSnapshots) {
      snapshots.remove(snapshots.keySet().iterator().next());
    }
  }

  private synchronized Snapshot find(String id, String queryFingerprint) {
    evictExpired();
    Snapshot snapshot = snapshots.get(id);
    if (snapshot == null) {
      throw invalidToken("page_token has expired or was not issued by this server; restart the listing without it");
    }
    if (!snapshot.queryFingerprint().equals(queryFingerprint)) {
      throw invalidToken("page_token was issued for other filters or sort order; keep them unchanged while paging");
    }
    return snapshot;
  }

  private void evictExpired() {
    Instant oldest = clock.instant().minus(retention);
    snapshots.values().removeIf(s -> s.createdAt().isBefore(oldest));
  }

  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  private static String encode(String snapshotId, int offset) {
    return ENCODER.encodeToString((PREFIX + ":" + snapshotId + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String token) {
    try {
      String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length == 3 && parts[0].equals(PREFIX) && !parts[1].isEmpty() && Integer.parseInt(parts[2]) >= 0) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // Not base64, or not a number: garbled like any other malformed token.
    }
    throw invalidToken("page_token is not valid for this listing");
  }

  private static ApiException invalidToken(String message) {
    return new ApiException(ErrorCode.INVALID_PAGE_TOKEN, message, Map.of("parameter", "page_token"));
  }
}
