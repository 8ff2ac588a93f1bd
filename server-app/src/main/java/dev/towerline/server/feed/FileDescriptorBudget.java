package dev.towerline.server.feed;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the process may open a socket for every feed connection {@code WS_MAX_CONNECTIONS}
 * allows. Each connection holds one file descriptor; past the process limit ({@code ulimit -n})
 * accepts fail with "Too many open files" for REST clients and feeds alike, so a shortfall is
 * said once at start instead.
 */
final class FileDescriptorBudget {
  /** Descriptors the server holds besides feed sockets: jars, database, log, ADB and REST connections. */
  static final int RESERVED = 256;

  private FileDescriptorBudget() {}

  /** The process' limit on open files, when the platform tells it. */
  static OptionalLong processLimit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      return OptionalLong.of(unix.getMaxFileDescriptorCount());
    }
    return OptionalLong.empty();
  }

  /** The warning for an operator when {@code fileLimit} cannot carry {@code maxConnections}; empty when it can. */
  static Optional<String> shortfall(int maxConnections, long fileLimit) {
    if (fileLimit >= (long) maxConnections + RESERVED) {
      return Optional.empty();
    }
    long feedSockets = Math.max(0, fileLimit - RESERVED);
    return Optional.of(
        FeedConfig.MAX_CONNECTIONS_VARIABLE + " is " + maxConnections + " but this process may open only "
            + fileLimit + " files (ulimit -n): beyond about " + feedSockets + " feed connections, new "
            + "connections (REST too) fail with 'Too many open files'. Raise the limit to at least "
            + ((long) maxConnections + RESERVED) + " (ulimit -n, systemd LimitNOFILE, docker --ulimit nofile) "
            + "or lower " + FeedConfig.MAX_CONNECTIONS_VARIABLE + ".");
  }
}
