package dev.towerline.client;

import dev.towerline.client.generated.ApiClient;
import dev.towerline.client.internal.Paging;
import dev.towerline.client.generated.model.CreateExecutionRequest;
import dev.towerline.client.generated.model.DeviceList;
import dev.towerline.client.generated.model.EventList;
import dev.towerline.client.generated.model.ExecutionList;
import dev.towerline.client.generated.model.ListMetadata;
import dev.towerline.client.generated.model.Liveness;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.ProtocolJson;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.Execution;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import dev.towerline.protocol.Stats;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The one entry point of the SDK: a client of one Towerline server.
 *
 * <pre>{@code
 * try (TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl("http://lab-host:8080/")
 *     .readTimeout(Duration.ofSeconds(10))
 *     .build()) {
 *   Execution run = towerline.createExecution("emulator-5554", "getprop ro.product.model");
 * }
 * }</pre>
 *
 * <p>Defaults: connect time-out {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s, read time-out
 * {@value #DEFAULT_READ_TIMEOUT_SECONDS} s, {@link RetryPolicy#ofDefaults()}, user agent
 * {@value #DEFAULT_USER_AGENT}, {@link BreakerPolicy#ofDefaults()}, {@link FeedPolicy#ofDefaults()}, no bearer token.
 * Requests use HTTP/1.1 (the server does not speak h2c) over connections the JDK client keeps alive
 * and reuses; feeds ({@link #watchDevices}) use the JDK WebSocket on the same host.
 *
 * <p>Immutable and thread-safe: share one instance. {@link #close()} closes its feed subscriptions
 * and releases its threads and connections; calls after it fail with {@link IllegalStateException}.
 */
public final class TowerlineClient implements AutoCloseable {

  public static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
  public static final long DEFAULT_READ_TIMEOUT_SECONDS = 30;
  public static final String DEFAULT_USER_AGENT = "towerline-java-sdk";

  private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

  private final URI baseUrl;
  private final String bearerToken;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final BreakerPolicy breakerPolicy;
  private final String userAgent;
  private final SafeListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ExecutorService executor;
  // Cleared by close(): on Java 17 the JDK client's selector thread ends once it is unreachable.
  private final AtomicReference<HttpClient> http;
  private final Transport transport;
  private final ExecutionPolling polling;
  private final FeedPolicy feedPolicy;
  private final FeedSubscriptions feeds;

  private TowerlineClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.bearerToken = builder.bearerToken;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.retryPolicy = builder.retryPolicy;
    this.breakerPolicy = builder.breakerPolicy;
    this.userAgent = builder.userAgent;
    this.listener = new SafeListener(builder.listener);
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.executor = newExecutor();
    this.http =
        new AtomicReference<>(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build());
    this.transport =
        new Transport(this, ApiClient.createDefaultObjectMapper().registerModule(ProtocolJson.extensibleEnums()),
            new ServerBreaker("towerline " + baseUrl, breakerPolicy, clock, listener));
    this.polling = new ExecutionPolling(this);
    this.feedPolicy = builder.feedPolicy;
    this.feeds = new FeedSubscriptions(this, ApiClient.createDefaultObjectMapper().registerModule(ProtocolJson.extensibleEnums()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings, to make a differently configured client. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.baseUrl = baseUrl;
    builder.bearerToken = bearerToken;
    return builder
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .retryPolicy(retryPolicy)
        .breakerPolicy(breakerPolicy)
        .userAgent(userAgent)
        .listener(listener.unwrapped())
        .clock(clock)
        .sleeper(sleeper)
        .feedPolicy(feedPolicy);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Optional<String> bearerToken() {
    return Optional.ofNullable(bearerToken);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public BreakerPolicy breakerPolicy() {
    return breakerPolicy;
  }

  public String userAgent() {
    return userAgent;
  }

  TowerlineListener listener() {
    return listener;
  }

  public FeedPolicy feedPolicy() {
    return feedPolicy;
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  HttpClient http() {
    HttpClient client = http.get();
    if (client == null) {
      throw new IllegalStateException("TowerlineClient for " + baseUrl + " is closed");
    }
    return client;
  }

  /** One page of devices ({@code GET /api/v1/devices}); retried on transient failures. */
  public Page<Device> listDevices(DeviceQuery query) {
    DeviceList list = transport.execute(Call.get("listDevices", "api/v1/devices", query.parameters()), DeviceList.class);
    return new Page<>(list.getData(), nextPageToken(list.getMetadata()));
  }

  /** The first page of devices, in the server's default order and size. */
  public Page<Device> listDevices() {
    return listDevices(DeviceQuery.all());
  }

  /**
   * Every device the query matches, from its page on, as a lazy stream: the next page is fetched
   * only when the stream reaches it.
   *
   * <pre>{@code
   * towerline.streamDevices(DeviceQuery.all().withLabel("rack-a")).map(Device::getSerial).forEach(serials::add);
   * }</pre>
   */
  public Stream<Device> streamDevices(DeviceQuery query) {
    return Paging.stream(query.pageToken(), token -> listDevices(query.withPageToken(token)));
  }

  /**
   * One device ({@code GET /api/v1/devices/{serial}}).
   *
   * @throws NotFoundException when the server has never seen it
   */
  public Device getDevice(String serial) {
    return transport.execute(Call.get("getDevice", "api/v1/devices/" + Transport.encode(serial), Map.of()), Device.class);
  }

  /** Runs {@code command} on the device; see {@link #createExecution(NewExecution)}. */
  public Execution createExecution(String deviceSerial, String command) {
    return createExecution(NewExecution.of(deviceSerial, command));
  }

  /**
   * Queues a command ({@code POST /api/v1/executions}) and answers the execution as created.
   * Always sent with an {@code Idempotency-Key} (the caller's, or one made for this call), so
   * retries after a lost answer create it once.
   */
  public Execution createExecution(NewExecution execution) {
    Objects.requireNonNull(execution, "execution == null");
    CreateExecutionRequest body =
        new CreateExecutionRequest()
            .deviceSerial(execution.deviceSerial())
            .command(execution.command())
            .timeoutSeconds(execution.timeoutSeconds());
    String key = execution.idempotencyKey() != null ? execution.idempotencyKey() : UUID.randomUUID().toString();
    return transport.execute(new Call("createExecution", "POST", "api/v1/executions", Map.of(), body, key, false), Execution.class);
  }

  /** One execution ({@code GET /api/v1/executions/{id}}); throws {@link NotFoundException}. */
  public Execution getExecution(String executionId) {
    return transport.execute(Call.get("getExecution", executionPath(executionId), Map.of()), Execution.class);
  }

  /** One page of executions ({@code GET /api/v1/executions}), newest first by default. */
  public Page<Execution> listExecutions(ExecutionQuery query) {
    ExecutionList list = transport.execute(Call.get("listExecutions", "api/v1/executions", query.parameters()), ExecutionList.class);
    return new Page<>(list.getData(), nextPageToken(list.getMetadata()));
  }

  /** Every execution the query matches, as a lazy stream; see {@link #streamDevices}. */
  public Stream<Execution> streamExecutions(ExecutionQuery query) {
    return Paging.stream(query.pageToken(), token -> listExecutions(query.withPageToken(token)));
  }

  /**
   * The output from {@code offset} on ({@code GET /api/v1/executions/{id}/output}), as much as
   * the server sends at once.
   */
  public ExecutionOutput getExecutionOutput(String executionId, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("offset", offset);
    dev.towerline.client.generated.model.ExecutionOutput output =
        transport.execute(
            Call.get("getExecutionOutput", executionPath(executionId) + "/output", query),
            dev.towerline.client.generated.model.ExecutionOutput.class);
    return new ExecutionOutput(
        output.getExecutionId(),
        output.getStatus(),
        output.getOffset() == null ? offset : output.getOffset(),
        output.getNextOffset() == null ? offset : output.getNextOffset(),
        output.getData() == null ? "" : output.getData(),
        Boolean.TRUE.equals(output.getComplete()));
  }

  /**
   * Cancels a queued or running execution ({@code POST /api/v1/executions/{id}/cancel}). The
   * spec makes a repeat harmless, so it is retried like a read.
   *
   * @throws ConflictException when it already finished otherwise
   */
  public Execution cancelExecution(String executionId) {
    return transport.execute(
        new Call("cancelExecution", "POST", executionPath(executionId) + "/cancel", Map.of(), null, null, true), Execution.class);
  }

  /**
   * One page of a feed's event log ({@code GET /api/v1/events}): the events after {@code since}
   * (0: from the oldest retained), each the same frame, with the same {@code seq}, as on the feed.
   *
   * @param pageToken null for the first page
   * @throws ConflictException ({@code RESYNC_REQUIRED}, 410) when {@code since} is no longer or
   *     not yet in the log: read the state again, then follow from its {@code seq}
   */
  public Page<FeedEvent> listEvents(Feed feed, long since, String pageToken) {
    Objects.requireNonNull(feed, "feed == null");
    if (since < 0) {
      throw new IllegalArgumentException("since must be >= 0: " + since);
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("feed", feed.value());
    query.put("since", since);
    query.put("page_token", pageToken);
    EventList list = transport.execute(Call.get("listEvents", "api/v1/events", query), EventList.class);
    return new Page<>(list.getData(), list.getMetadata() == null ? null : list.getMetadata().getNextPageToken());
  }

  /** A feed's events after {@code since} as a lazy stream; see {@link #listEvents}. */
  public Stream<FeedEvent> streamEvents(Feed feed, long since) {
    return Paging.stream(null, token -> listEvents(feed, since, token));
  }

  /**
   * A one-time ticket to open one feed ({@code POST /api/v1/feed-tickets}, role viewer), for a
   * client that cannot send {@code Authorization} on a WebSocket handshake: it opens {@code
   * /api/v1/ws/<feed>?ticket=<ticket>} once, within 30 s. This SDK's own feeds ({@link
   * #watchDevices}) send the token and need none.
   *
   * <p>Retried on transient failures although it is a POST without an {@code Idempotency-Key}: a
   * ticket is cheap, single-use and short-lived, so a repeat after a lost answer only leaves one
   * unused ticket to expire.
   *
   * @throws NotAuthorizedException without a valid token on a server that requires one
   */
  public FeedTicket createFeedTicket() {
    dev.towerline.client.generated.model.FeedTicket ticket =
        transport.execute(
            new Call("createFeedTicket", "POST", "api/v1/feed-tickets", Map.of(), null, null, true),
            dev.towerline.client.generated.model.FeedTicket.class);
    return new FeedTicket(ticket.getTicket(), ticket.getExpiresAt());
  }

  /**
   * One page of the audit log ({@code GET /api/v1/audit}, role admin), newest first: every write
   * and admin action with its actor, outcome and redacted request payload.
   *
   * @throws NotAuthorizedException (403) for a token below admin, (401) without one
   */
  public Page<AuditEntry> listAuditEntries(AuditQuery query) {
    return AuditCalls.list(transport, Objects.requireNonNull(query, "query == null"));
  }

  /** Every audit entry the query matches, newest first, as a lazy stream; see {@link #streamDevices}. */
  public Stream<AuditEntry> streamAuditEntries(AuditQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(query.pageToken(), token -> listAuditEntries(query.withPageToken(token)));
  }

  /** The server's {@code openapi.yaml}, as text. */
  public String openApiDocument() {
    return transport.execute(Call.getText("getOpenApiDocument", "api/v1/openapi.yaml", "application/yaml"), String.class);
  }

  /** The server's {@code asyncapi.yaml}, as text. */
  public String asyncApiDocument() {
    return transport.execute(Call.getText("getAsyncApiDocument", "api/v1/asyncapi.yaml", "application/yaml"), String.class);
  }

  /** One JSON Schema file both documents reference, e.g. {@code device.json}, as text. */
  public String schemaDocument(String file) {
    Objects.requireNonNull(file, "file == null");
    return transport.execute(
        Call.getText("getSchemaFile", "api/v1/schemas/" + Transport.encode(file), "application/schema+json"), String.class);
  }

  /** The server's liveness ({@code GET /health}): answered while the process serves HTTP. */
  public Health.Liveness health() {
    Liveness liveness = transport.execute(Call.get("getLiveness", "health", Map.of()), Liveness.class);
    return new Health.Liveness(
        liveness.getStatus() == null ? null : liveness.getStatus().getValue(),
        liveness.getVersion(),
        Duration.ofSeconds(liveness.getUptimeSeconds() == null ? 0 : liveness.getUptimeSeconds()));
  }

  /**
   * Whether the server accepts traffic ({@code GET /health/ready}). A 503 (starting up or
   * shutting down) is returned as {@code ready() == false} at once, not retried and not thrown;
   * only a server that does not answer at all throws ({@link TowerlineTransportException}, after
   * the usual retries).
   */
  public Health.Readiness readiness() {
    return HealthCalls.readiness(transport);
  }

  /**
   * The dependency report ({@code GET /health/full}): ADB and the database, checked in parallel.
   * Returned for 200 (all pass) and 503 (a check failed) alike, neither retried: look at {@link
   * Health.Report#passed()}.
   */
  public Health.Report fullHealth() {
    return HealthCalls.fullHealth(transport);
  }

  /**
   * The coarse status of the deprecated {@code GET /api/v1/status} (sunset 2027-06-30).
   *
   * @deprecated use {@link #fullHealth()}, which reports each dependency with its status and timing
   */
  @Deprecated(since = "1.1.0")
  public Health.LegacyStatus legacyStatus() {
    return HealthCalls.legacyStatus(transport);
  }

  /** The server's Prometheus metrics ({@code GET /metrics}), in the text exposition format. */
  public String metrics() {
    return transport.execute(Call.getText("getMetrics", "metrics", "text/plain"), String.class);
  }

  /**
   * Polls the execution until it is final (succeeded, failed, cancelled, timed out, error,
   * interrupted) and returns it: at once, then at waits growing from 100 ms to 2 s, on the
   * builder's clock and sleeper. Each poll is a {@link #getExecution} with its own retries.
   *
   * <pre>{@code
   * Execution done = towerline.awaitExecution(run.getId(), Duration.ofMinutes(2));
   * }</pre>
   *
   * @param timeout how long to wait; positive
   * @throws ExecutionDeadlineException when {@code timeout} passes first; the execution keeps
   *     running on the server
   */
  public Execution awaitExecution(String executionId, Duration timeout) {
    return polling.await(executionId, timeout);
  }

  /**
   * Creates the execution (see {@link #createExecution(NewExecution)}) and waits until it is
   * final (see {@link #awaitExecution}).
   *
   * <pre>{@code
   * Execution done = towerline.runAndWait(NewExecution.of("emulator-5554", "getprop ro.product.model"), Duration.ofSeconds(30));
   * String model = towerline.streamOutput(done.getId()).collect(Collectors.joining()).trim();
   * }</pre>
   *
   * @throws ExecutionDeadlineException when {@code timeout} passes first; the execution keeps
   *     running on the server
   */
  public Execution runAndWait(NewExecution execution, Duration timeout) {
    RetryPolicy.positive("timeout", timeout);
    return awaitExecution(createExecution(execution).getId(), timeout);
  }

  /**
   * The execution's whole output as a lazy stream of text chunks, in order, also while it runs:
   * each chunk is one read from the previous {@code next_offset}; when no new output has come
   * the stream waits (100 ms growing to 2 s, on the builder's sleeper) and reads again. The
   * stream ends once the execution is final and its output read. Output the server no longer
   * retains (beyond its output limit) is skipped.
   *
   * <pre>{@code
   * Execution run = towerline.createExecution("emulator-5554", "logcat -d");
   * towerline.streamOutput(run.getId()).forEach(output::append);
   * }</pre>
   */
  public Stream<String> streamOutput(String executionId) {
    return polling.output(executionId);
  }

  /**
   * Follows the devices feed ({@code /api/v1/ws/devices}): the listener gets the snapshot of all
   * devices, then every {@code device.updated} once, in {@code seq} order, across reconnects
   * ({@link FeedPolicy}) and server restarts, until the subscription or this client is closed.
   *
   * <pre>{@code
   * FeedSubscription feed = towerline.watchDevices(event -> log.info("{} is {}", event.getDevice().getSerial(), event.getDevice().getState()));
   * }</pre>
   */
  public FeedSubscription watchDevices(FeedListener<DeviceUpdated> listener) {
    return feeds.start(Feed.DEVICES, Map.of(), true, DeviceUpdated.class, listener);
  }

  /**
   * Follows the executions feed ({@code /api/v1/ws/executions}): a snapshot of the queued and
   * running executions, then {@code execution.updated} and {@code execution.output} events; see
   * {@link #watchDevices}.
   *
   * @param filter null or {@link ExecutionFilter#all()} for every execution
   */
  public FeedSubscription watchExecutions(ExecutionFilter filter, FeedListener<FeedEvent> listener) {
    ExecutionFilter chosen = filter == null ? ExecutionFilter.all() : filter;
    return feeds.start(Feed.EXECUTIONS, chosen.parameters(), !chosen.filters(), FeedEvent.class, listener);
  }

  /** Follows the dashboard feed ({@code /api/v1/ws/dashboard}): lab-wide {@code stats}; see {@link #watchDevices}. */
  public FeedSubscription watchDashboard(FeedListener<Stats> listener) {
    return feeds.start(Feed.DASHBOARD, Map.of(), true, Stats.class, listener);
  }

  private static String executionPath(String executionId) {
    Objects.requireNonNull(executionId, "executionId == null");
    return "api/v1/executions/" + Transport.encode(executionId);
  }

  private static String nextPageToken(ListMetadata metadata) {
    return metadata == null ? null : metadata.getNextPageToken();
  }

  /** Closes every feed subscription, stops the client's threads and drops its connections. Idempotent. */
  @Override
  public void close() {
    feeds.closeAll();
    HttpClient client = http.getAndSet(null);
    if (client == null) {
      return;
    }
    // Java 21+ HttpClient is AutoCloseable and stops its selector thread at once.
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Closing is best effort; the executor below is shut down regardless.
      }
    }
    executor.shutdownNow();
  }

  private static ExecutorService newExecutor() {
    int id = CLIENT_IDS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "towerline-sdk-" + id + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    // Threads only live while responses are being handed over; idle ones end after 10 s.
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }

  /**
   * Builds a {@link TowerlineClient}. Only {@link #baseUrl(String)} is required; every setter
   * refuses a bad value with a message that names it.
   */
  public static final class Builder {
    private URI baseUrl;
    private String bearerToken;
    private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private BreakerPolicy breakerPolicy = BreakerPolicy.ofDefaults();
    private String userAgent = DEFAULT_USER_AGENT;
    private TowerlineListener listener = new TowerlineListener() {};
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private FeedPolicy feedPolicy = FeedPolicy.ofDefaults();

    private Builder() {}

    /**
     * The server's root, e.g. {@code http://lab-host:8080/} or {@code https://gw/towerline/}: http
     * or https, a path ending in {@code /} (an empty path counts as {@code /}), no query.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
      }
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("baseUrl must start with http:// or https://: " + baseUrl);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl has no host: " + baseUrl);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (!path.endsWith("/")) {
        // As in Retrofit: operation paths resolve against it, and "…/lab" would drop "lab".
        throw new IllegalArgumentException("baseUrl must end in /: " + baseUrl);
      }
      this.baseUrl = uri.resolve(path);
      return this;
    }

    /** Sent as {@code Authorization: Bearer <token>}; {@code null} sends none. */
    public Builder bearerToken(String bearerToken) {
      if (bearerToken != null && (bearerToken.isBlank() || bearerToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
        // The token itself is secret: say what is wrong, not what it is.
        throw new IllegalArgumentException(
            "bearerToken must be visible ASCII without spaces (length " + bearerToken.length() + ")");
      }
      this.bearerToken = bearerToken;
      return this;
    }

    /** Time to open a TCP connection; positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = RetryPolicy.positive("connectTimeout", connectTimeout);
      return this;
    }

    /** Time from sending a request to the end of its response headers; positive. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = RetryPolicy.positive("readTimeout", readTimeout);
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** When to stop calling a server that is not there; {@link BreakerPolicy#disabled()} for never. */
    public Builder breakerPolicy(BreakerPolicy breakerPolicy) {
      this.breakerPolicy = Objects.requireNonNull(breakerPolicy, "breakerPolicy == null");
      return this;
    }

    /** The {@code User-Agent} header; visible ASCII, not blank. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgent must be printable ASCII: " + userAgent);
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Told of requests, answers, retries, breaker changes and deprecated operations; see {@link
     * TowerlineListener}. Default: one that does nothing.
     */
    public Builder listener(TowerlineListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** The time source of retry budgets and feed heartbeats; tests pass a fake one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the SDK waits between retries and feed reconnects; tests pass one that moves their fake clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** How feed subscriptions reconnect; default {@link FeedPolicy#ofDefaults()} (1 s doubling to 5 min). */
    public Builder feedPolicy(FeedPolicy feedPolicy) {
      this.feedPolicy = Objects.requireNonNull(feedPolicy, "feedPolicy == null");
      return this;
    }

    public TowerlineClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new TowerlineClient(this);
    }
  }
}
