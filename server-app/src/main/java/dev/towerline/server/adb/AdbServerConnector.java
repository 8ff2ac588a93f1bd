package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.AdbSocket;
import dev.towerline.server.adb.internal.Deadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Opens connections to one ADB server, each within the connect time-out and the caller's
 * deadline: one-shot host queries, and device services reached by first switching the
 * connection's transport to the device. Failures come out as {@link AdbException}s worded by
 * {@link AdbFailures}.
 */
final class AdbServerConnector {

  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final AdbFailures failures;

  AdbServerConnector(AdbConfig config, AdbFailures failures) {
    this.host = config.adbHost();
    this.port = config.adbPort();
    this.connectTimeout = config.connectTimeout();
    this.failures = failures;
  }

  /** Sends one host request and returns the server's length-prefixed answer. */
  String hostQuery(String operation, String serial, String request, Deadline deadline) {
    try (AdbSocket socket = connect(new AdbSocket(), operation, serial, deadline)) {
      socket.send(request);
      AdbSocket.Reply reply = socket.readReply();
      if (!reply.okay()) {
        throw failures.refused(operation, serial, reply.failure());
      }
      return socket.readLengthPrefixed();
    } catch (IOException e) {
      throw failures.hostFailure(operation, serial, deadline, e);
    }
  }

  /** Connects {@code socket}, closing it when that fails. */
  AdbSocket connect(AdbSocket socket, String operation, String serial, Deadline deadline) {
    try {
      socket.connect(new InetSocketAddress(host, port), connectTimeout, deadline);
      return socket;
    } catch (SocketTimeoutException e) {
      socket.close();
      long limit = Math.min(connectTimeout.toMillis(), deadline.limit().toMillis());
      throw failures.unreachable(operation, serial,
          "did not accept a connection within " + limit + " ms", e);
    } catch (IOException e) {
      socket.close();
      throw failures.unreachable(operation, serial, AdbFailures.describe(e), e);
    }
  }

  /** Switches the connection to the device and opens {@code service} on it. */
  void openService(
      AdbSocket socket, String operation, String serial, String service, Deadline deadline) {
    connect(socket, operation, serial, deadline);
    try {
      socket.send("host:transport:" + serial);
      AdbSocket.Reply transport = socket.readReply();
      if (!transport.okay()) {
        throw failures.startRefused(operation, serial, transport.failure());
      }
      socket.send(service);
      AdbSocket.Reply opened = socket.readReply();
      if (!opened.okay()) {
        throw failures.startRefused(operation, serial, opened.failure());
      }
    } catch (IOException e) {
      socket.close();
      throw failures.setupFailure(operation, serial, deadline, e);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
