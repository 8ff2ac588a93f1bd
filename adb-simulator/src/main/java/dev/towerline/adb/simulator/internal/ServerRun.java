package dev.towerline.adb.simulator.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One period between start and stop: the listening socket, its accept thread, a bounded pool
 * with one thread per connection, and the open connections, which stop cuts.
 */
final class ServerRun {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRun.class);
  private static final long IDLE_THREAD_SECONDS = 30;
  private static final long STOP_WAIT_SECONDS = 5;

  private final ServerSocket serverSocket;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final Set<ClientLink> open = ConcurrentHashMap.newKeySet();
  private final ServerContext context;
  private final Duration readTimeout;
  private final Clock clock;
  private volatile boolean stopping;

  private ServerRun(ServerSocket serverSocket, SimulatorServer.Settings settings) {
    this.serverSocket = serverSocket;
    this.readTimeout = settings.readTimeout();
    this.clock = settings.clock();
    this.context = new ServerContext(settings.registry(), settings.faults(),
        new ShellInterpreter(settings.commands()), () -> stopping);
    ThreadFactory threads = namedDaemonThreads("adb-sim-" + port() + "-conn-");
    this.pool = new ThreadPoolExecutor(0, settings.maxConnections(), IDLE_THREAD_SECONDS,
        TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    this.acceptor = namedDaemonThreads("adb-sim-" + port() + "-accept-").newThread(this::accept);
  }

  /** Binds to the loopback address and starts accepting. */
  static ServerRun open(int port, SimulatorServer.Settings settings) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      // Rebinding right after stop() must not wait for old connections in TIME_WAIT.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    ServerRun run = new ServerRun(socket, settings);
    run.acceptor.start();
    return run;
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  int openConnections() {
    return open.size();
  }

  private void accept() {
    while (!stopping) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!stopping) {
          LOG.warn("accept failed on port {}; no longer accepting", port(), e);
        }
        return;
      }
      dispatch(socket);
    }
  }

  private void dispatch(Socket socket) {
    ClientLink link;
    try {
      link = new ClientLink(socket, readTimeout, clock);
    } catch (IOException e) {
      LOG.debug("could not set up connection from {}", socket.getRemoteSocketAddress(), e);
      closeQuietly(socket);
      return;
    }
    open.add(link);
    try {
      pool.execute(new Connection(link, context, () -> open.remove(link)));
    } catch (RejectedExecutionException e) {
      LOG.warn("{} connections open on port {}; refusing {}", pool.getMaximumPoolSize(), port(),
          link.describe());
      open.remove(link);
      link.close();
    }
    if (stopping) {
      // stop() may have swept the open set just before this link joined it.
      link.close();
    }
  }

  /** Closes the listening socket and every connection, trackers included, and waits for them. */
  void stop() {
    stopping = true;
    closeQuietly(serverSocket);
    open.forEach(ClientLink::close);
    pool.shutdownNow();
    try {
      acceptor.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
      if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("connections on port {} still busy after stop", port());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory namedDaemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
