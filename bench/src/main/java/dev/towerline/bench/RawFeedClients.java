package dev.towerline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Thousands of feed clients on one selector thread, plain NIO: no thread, stream or buffer per
 * frame. Each socket read goes into one shared buffer; the arrival time is taken right after the
 * read; a frame that lies whole in it is matched where it lies (see {@link WsFrameReader}). Built
 * so that the clients cost the shared cores as little as possible while the server delivers.
 */
final class RawFeedClients implements FanOutClients, RawFeedConnection.Owner {
  static final long HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final int READ_BUFFER_BYTES = 64 * 1024;
  private static final int CONNECTS_IN_FLIGHT = 64;
  private static final long SELECT_MILLIS = 100;
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final URI uri;
  private final InetSocketAddress address;
  private final Selector selector;
  private final Thread loop;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final SecureRandom random = new SecureRandom();
  private final WsClientFrames frames = new WsClientFrames(random);
  private final List<RawFeedConnection> connections = new ArrayList<>();
  /** Connections still in their handshake; the selector thread's own. */
  private final List<RawFeedConnection> handshaking = new ArrayList<>();
  private final Map<String, Integer> handshakeRefusals = new TreeMap<>();
  private final Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
  private volatile DeliveryProbe probe;
  private volatile boolean running = true;

  RawFeedClients(URI uri) {
    if (!"ws".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the raw feed clients speak ws:// only (no TLS): " + uri);
    }
    this.uri = uri;
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort());
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a selector", e);
    }
    this.loop = new Thread(this::run, "bench-raw-ws");
    loop.setDaemon(true);
    loop.start();
  }

  @Override
  public void connectUpTo(int total) throws InterruptedException {
    while (connections.size() < total) {
      inFlight.acquire();
      int index = connections.size();
      RawFeedConnection connection;
      SocketChannel channel = null;
      try {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        connection = new RawFeedConnection(index, channel, this, new WsHandshake(random),
            System.nanoTime() + HANDSHAKE_TIMEOUT_NANOS);
        channel.connect(address);
      } catch (IOException e) {
        closeQuietly(channel);
        synchronized (this) {
          handshakeRefusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        connections.add(null);
        inFlight.release();
        continue;
      }
      connections.add(connection);
      onLoop(() -> register(connection));
    }
    // Every permit back means no handshake is still under way.
    inFlight.acquire(CONNECTS_IN_FLIGHT);
    inFlight.release(CONNECTS_IN_FLIGHT);
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // It never connected; nothing to clean up.
    }
  }

  private void register(RawFeedConnection connection) {
    try {
      SelectionKey key = connection.channel().register(selector, SelectionKey.OP_CONNECT, connection);
      connection.registered(key);
      handshaking.add(connection);
      if (connection.channel().isConnected()) {
        // connect() finished at once: OP_CONNECT would never fire.
        connection.connectable(uri);
      }
    } catch (ClosedChannelException e) {
      connection.refuse(e.getClass().getSimpleName());
    }
  }

  @Override
  public void settled(RawFeedConnection connection, String refusal) {
    if (refusal != null) {
      synchronized (this) {
        handshakeRefusals.merge(refusal, 1, Integer::sum);
      }
    }
    inFlight.release();
  }

  @Override
  public DeliveryProbe probe() {
    return probe;
  }

  @Override
  public WsClientFrames frames() {
    return frames;
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    byte[] bytes = buffer.array();
    Consumer<SelectionKey> onReady = key -> ready(key, buffer, bytes);
    while (running) {
      try {
        // The consumer form fills no selected-key set: nothing is allocated per ready socket.
        selector.select(onReady, SELECT_MILLIS);
      } catch (IOException e) {
        throw new IllegalStateException("selector failed", e);
      }
      for (Runnable task; (task = tasks.poll()) != null; ) {
        task.run();
      }
      expireHandshakes();
    }
  }

  private void ready(SelectionKey key, ByteBuffer buffer, byte[] bytes) {
    RawFeedConnection connection = (RawFeedConnection) key.attachment();
    if (key.isConnectable()) {
      connection.connectable(uri);
      return;
    }
    if (key.isWritable()) {
      connection.writable();
    }
    if (key.isValid() && key.isReadable()) {
      read(connection, buffer, bytes);
    }
  }

  private static void read(RawFeedConnection connection, ByteBuffer buffer, byte[] bytes) {
    buffer.clear();
    int read;
    try {
      read = connection.channel().read(buffer);
    } catch (IOException e) {
      connection.failed(e);
      return;
    }
    long arrival = System.nanoTime();
    if (read < 0) {
      connection.endOfStream();
    } else if (read > 0) {
      connection.received(bytes, read, arrival);
    }
  }

  private void expireHandshakes() {
    long now = System.nanoTime();
    handshaking.removeIf(connection -> {
      if (connection.handshakeOverdue(now)) {
        connection.refuse("handshake timed out");
        return true;
      }
      return connection.opened() || connection.isClosed();
    });
  }

  private void onLoop(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  @Override
  public long threadsCpuNanos() {
    return THREADS.getThreadCpuTime(loop.getId());
  }

  @Override
  public int tried() {
    return connections.size();
  }

  @Override
  public int open() {
    return (int) connections.stream().filter(c -> c != null && c.isOpen()).count();
  }

  @Override
  public synchronized Map<String, Integer> refusals() {
    Map<String, Integer> refusals = new TreeMap<>(handshakeRefusals);
    for (RawFeedConnection connection : connections) {
      if (connection == null || !connection.opened()) {
        continue;
      }
      FanOutClients.countEnded(refusals, connection.closeCode(), connection::errorDescription);
    }
    return refusals;
  }

  @Override
  public void probe(DeliveryProbe next) {
    probe = next;
  }

  /** Sends 1000 on every open connection, waits up to 10 s for the closing handshakes, then aborts the rest. */
  @Override
  public void close() {
    List<RawFeedConnection> all = connections.stream().filter(c -> c != null).toList();
    onLoop(() -> all.forEach(RawFeedConnection::startClose));
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    try {
      while (System.nanoTime() < deadline && !all.stream().allMatch(RawFeedConnection::isClosed)) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onLoop(() -> {
      all.forEach(RawFeedConnection::abort);
      running = false;
    });
    try {
      loop.join(TimeUnit.SECONDS.toMillis(5));
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // The selector's sockets are closed already.
    }
  }
}
