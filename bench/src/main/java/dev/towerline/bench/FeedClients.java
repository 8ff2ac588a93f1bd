package dev.towerline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Many feed clients on few threads: one JDK {@link HttpClient} (selector thread plus two
 * callback threads) per {@value #CLIENTS_PER_HTTP_CLIENT} connections. Counts how the server
 * refused those it did not keep: close codes and handshake statuses.
 */
final class FeedClients implements FanOutClients {
  static final int CLIENTS_PER_HTTP_CLIENT = 2000;
  private static final int CONNECTS_IN_FLIGHT = 64;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final URI uri;
  private final List<HttpClient> httpClients = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private final List<FeedClient> clients = new ArrayList<>();
  private final Map<String, Integer> handshakeRefusals = new TreeMap<>();
  private final List<Thread> callbackThreads = new CopyOnWriteArrayList<>();
  private volatile DeliveryProbe probe;

  FeedClients(URI uri) {
    this.uri = uri;
  }

  /** Opens clients until {@code total} have been tried, at most 64 handshakes at a time; waits for each. */
  @Override
  public void connectUpTo(int total) throws InterruptedException {
    Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
    List<CompletableFuture<?>> attempts = new ArrayList<>();
    while (clients.size() < total) {
      FeedClient client = new FeedClient(clients.size(), () -> probe);
      clients.add(client);
      inFlight.acquire();
      attempts.add(httpClientFor(client).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(uri, client)
          .handle((socket, failure) -> {
            inFlight.release();
            if (failure != null) {
              refusedHandshake(failure);
              client.closed().complete(-1);
            }
            return null;
          }));
    }
    CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
  }

  private synchronized void refusedHandshake(Throwable failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String key = cause instanceof WebSocketHandshakeException refused
        ? "HTTP " + refused.getResponse().statusCode() : cause.getClass().getSimpleName();
    handshakeRefusals.merge(key, 1, Integer::sum);
  }

  private HttpClient httpClientFor(FeedClient client) {
    int needed = clients.size() / CLIENTS_PER_HTTP_CLIENT + 1;
    while (httpClients.size() < needed) {
      ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-ws-client");
        thread.setDaemon(true);
        callbackThreads.add(thread);
        return thread;
      });
      executors.add(executor);
      httpClients.add(HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build());
    }
    return httpClients.get(httpClients.size() - 1);
  }

  /** The callback threads, and each HttpClient's selector thread, which the JDK names after the client's id. */
  @Override
  public long threadsCpuNanos() {
    List<String> selectorNames = httpClients.stream().map(FeedClients::selectorThreadName).toList();
    long nanos = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && selectorNames.contains(info.getThreadName())) {
        nanos += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    for (Thread thread : callbackThreads) {
      nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
    }
    return nanos;
  }

  /** "HttpClient-7-SelectorManager" for the client whose toString ends in "(7)". */
  private static String selectorThreadName(HttpClient client) {
    String text = client.toString();
    return "HttpClient-" + text.substring(text.lastIndexOf('(') + 1, text.length() - 1) + "-SelectorManager";
  }

  @Override
  public int tried() {
    return clients.size();
  }

  @Override
  public int open() {
    return (int) clients.stream().filter(FeedClient::isOpen).count();
  }

  /** How the clients that are not open were refused: "close 1013" or "HTTP 429" and counts. */
  @Override
  public synchronized Map<String, Integer> refusals() {
    Map<String, Integer> refusals = new TreeMap<>(handshakeRefusals);
    for (FeedClient client : clients) {
      if (client.socket() != null) { // Without one it never opened: counted with the handshake refusals.
        FanOutClients.countEnded(refusals, client.closed().getNow(null), client::errorDescription);
      }
    }
    return refusals;
  }

  @Override
  public void probe(DeliveryProbe next) {
    probe = next;
  }

  /** Closes every open client with 1000, waits up to 10 s for the server's answers, aborts the rest. */
  @Override
  public void close() {
    for (FeedClient client : clients) {
      if (client.isOpen()) {
        client.socket().sendClose(1000, "bench done");
      }
    }
    try {
      CompletableFuture.allOf(clients.stream().map(FeedClient::closed).toArray(CompletableFuture[]::new))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception timeoutOrFailure) {
      // Clients still open are aborted below.
    }
    clients.stream().filter(FeedClient::isOpen).forEach(client -> client.socket().abort());
    executors.forEach(ExecutorService::shutdownNow);
  }
}
