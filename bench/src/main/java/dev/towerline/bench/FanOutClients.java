package dev.towerline.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The fan-out phase's feed clients: many connections to one feed URI, and how the server refused some. */
interface FanOutClients extends AutoCloseable {
  /** {@link RawFeedClients}: one NIO selector thread, the default. */
  String RAW = "raw";
  /** {@link FeedClients}: the JDK's java.net.http.WebSocket, kept to compare with. */
  String JDK = "jdk";
  List<String> KINDS = List.of(RAW, JDK);

  /** Clients of {@code kind} ({@value #RAW} or {@value #JDK}) for the feed at {@code uri}. */
  static FanOutClients of(String kind, URI uri) {
    return switch (kind) {
      case RAW -> new RawFeedClients(uri);
      case JDK -> new FeedClients(uri);
      default -> throw new IllegalArgumentException("unknown fan-out client: " + kind + " (one of " + KINDS + ")");
    };
  }

  /** Opens clients until {@code total} have been tried; returns when each is open or refused. */
  void connectUpTo(int total) throws InterruptedException;

  int tried();

  int open();

  /** How the clients that are not open were refused: "close 1013", "HTTP 429" and the like, with counts. */
  Map<String, Integer> refusals();

  /**
   * Counts one client that was open and is not: by its close code, or, for {@code -1} (no close
   * frame), as a connection error with {@code error}; a client still open ({@code null}) is not counted.
   */
  static void countEnded(Map<String, Integer> refusals, Integer closeCode, Supplier<String> error) {
    if (closeCode == null) {
      return;
    }
    String key = closeCode != -1 ? "close " + closeCode : "connection error (" + error.get() + ")";
    refusals.merge(key, 1, Integer::sum);
  }

  /** CPU time the clients' own threads have used so far, in ns: their cost without the rest of the bench JVM. */
  long threadsCpuNanos();

  /** The change being timed, offered every text frame; null between changes. */
  void probe(DeliveryProbe next);

  /** Closes every open client with 1000 and waits a while for the server's answers. */
  @Override
  void close();
}
