package dev.towerline.server.executions;

import dev.towerline.protocol.BreakerState;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceLink;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.AdbGateway;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.listing.Page;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executions use cases: create (validated, idempotent), get, list, cancel and read output.
 * Creates are checked against the device (known, ready, breaker not open) and its queue before
 * anything is stored, so a refusal leaves nothing behind. When a device's breaker opens, the
 * executions queued on it end at once with {@code DEVICE_CIRCUIT_OPEN}.
 *
 * <pre>{@code
 * ExecutionService executions = ExecutionService.start(store, devices, gateway, occupancy, config, meters, clock);
 * Created created = executions.create(new NewExecution("emulator-5554", "getprop", 60), Optional.of(key));
 * }</pre>
 */
public final class ExecutionService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionService.class);
  /** How long a duplicate waits for the first request with its key before answering 409. */
  static final Duration KEY_IN_USE_WAIT = Duration.ofSeconds(5);
  /** How long a stopping server waits for running commands to stop and be written. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(3);
  private static final int FLUSH_THREADS = 2;

  private final ExecutionStore store;
  private final DeviceDirectory devices;
  private final ExecutionConfig config;
  private final Clock clock;
  private final ExecutionEvents events;
  private final ExecutionScheduler scheduler;
  private final ScheduledExecutorService background;
  private final ScheduledExecutorService flusher;
  private final ExecutionIds ids = new ExecutionIds();
  private final IdempotencyGate gate = new IdempotencyGate();
  private final OutputReader reader;
  private final AdbGateway gateway;

  /** The created execution, and whether it is a replay of an earlier request with the same key. */
  public record Created(ExecutionRecord execution, boolean replayed) {}

  private ExecutionService(
      ExecutionStore store,
      DeviceDirectory devices,
      AdbGateway gateway,
      DeviceOccupancy occupancy,
      ExecutionConfig config,
      MeterRegistry meters,
      Clock clock) {
    this.store = store;
    this.devices = devices;
    this.gateway = gateway;
    this.config = config;
    this.clock = clock;
    this.events = new ExecutionEvents(meters);
    this.reader = new OutputReader(store);
    this.background = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "towerline-executions-background");
      thread.setDaemon(true);
      return thread;
    });
    // Flushes of running output get their own threads: a slow database must not delay purges or each other much.
    this.flusher = Executors.newScheduledThreadPool(FLUSH_THREADS, task -> {
      Thread thread = new Thread(task, "towerline-executions-output");
      thread.setDaemon(true);
      return thread;
    });
    ExecutionRun.Context context = new ExecutionRun.Context(store, gateway, occupancy, events, config, clock, flusher);
    this.scheduler = new ExecutionScheduler(config, execution -> new ExecutionRun(execution, context), meters);
  }

  /**
   * Starts the service; call {@link #recoverInterrupted()} once the database is reachable.
   *
   * @param gateway the resilient gateway, so a failing device trips its breaker
   */
  public static ExecutionService start(
      ExecutionStore store,
      DeviceDirectory devices,
      AdbGateway gateway,
      DeviceOccupancy occupancy,
      ExecutionConfig config,
      MeterRegistry meters,
      Clock clock) {
    ExecutionService service = new ExecutionService(store, devices, gateway, occupancy, config, meters, clock);
    devices.addListener(service::refuseQueuedWhileBreakerOpen);
    long purge = config.purgeInterval().toMillis();
    service.background.scheduleWithFixedDelay(service::purgeExpiredKeys, purge, purge, TimeUnit.MILLISECONDS);
    return service;
  }

  /** Tells {@code listener} about every status change and written output from now on. */
  public void addListener(ExecutionListener listener) {
    events.addListener(listener);
  }

  /** How many executions are queued and running now. */
  public record ActiveCounts(int queued, int running) {}

  /**
   * Executions queued and running now, counted in memory without the database: only this server
   * runs them (one server per database), and the ones a stopped server left are marked
   * interrupted before this one takes work.
   */
  public ActiveCounts activeCounts() {
    return scheduler.activeCounts();
  }

  /** Executions that are queued or running now, oldest first. */
  public List<ExecutionRecord> active() {
    return store.unfinished();
  }

  /** The device directory with {@code queued_executions} filled in. */
  public DeviceDirectory devicesWithQueues() {
    return new QueueAwareDirectory(devices, scheduler);
  }

  /**
   * Marks executions that were queued or running when the server last stopped as {@code
   * interrupted}: nothing runs them any more. Called once, when the database is first reachable,
   * before any execution of this process exists.
   */
  public int recoverInterrupted() {
    int count = 0;
    for (ExecutionRecord stale : store.unfinished()) {
      Optional<ExecutionRecord> after =
          store.update(stale.id(), r -> r.isFinished() ? r : r.finished(ExecutionStatus.INTERRUPTED, null, ShellOutcomes.interrupted(), now()));
      if (after.isPresent() && after.get().status() == ExecutionStatus.INTERRUPTED) {
        events.changed(stale, after.get());
        count++;
      }
    }
    if (count > 0) {
      log.warn("Marked {} executions interrupted: they were queued or running when the server stopped", count);
    }
    return count;
  }

  // ---------------------------------------------------------------- create

  /**
   * Creates and queues an execution, or replays the one created earlier with the same key and body.
   *
   * @throws ApiException DEVICE_NOT_FOUND, DEVICE_NOT_READY, DEVICE_CIRCUIT_OPEN, QUEUE_FULL,
   *     IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE or DATABASE_UNAVAILABLE
   * @throws dev.towerline.server.adb.AdbCircuitOpenException while the ADB server's breaker is open
   */
  public Created create(NewExecution request, Optional<String> idempotencyKey) {
    return create(request, idempotencyKey, WrittenWithInsert.NOTHING);
  }

  /**
   * As {@link #create(NewExecution, Optional)}, and a new execution is inserted together with
   * {@code alongside}, in one transaction; a replay writes nothing.
   */
  public Created create(NewExecution request, Optional<String> idempotencyKey, WrittenWithInsert alongside) {
    if (idempotencyKey.isEmpty()) {
      return createNew(request, Optional.empty(), alongside);
    }
    String key = idempotencyKey.get();
    Optional<IdempotencyGate.Pass> pass = gate.enter(key, KEY_IN_USE_WAIT);
    if (pass.isEmpty()) {
      throw keyInUse(key);
    }
    try (IdempotencyGate.Pass held = pass.get()) {
      IdempotencyKey stored = new IdempotencyKey(key, request.fingerprint(), now().plus(config.idempotencyRetention()));
      return createOrReplay(request, stored, alongside);
    }
  }

  /**
   * Creates without looking the key up first: the key's unique constraint refuses a second
   * execution, and only then is the first one looked up and replayed, so a new key (nearly every
   * create) costs one transaction instead of two. A create refused before it is stored (device,
   * queue, ADB) still replays an earlier request with the key: its answer does not depend on the
   * device now.
   */
  private Created createOrReplay(NewExecution request, IdempotencyKey key, WrittenWithInsert alongside) {
    try {
      return createNew(request, Optional.of(key), alongside);
    } catch (ApiException | AdbException refused) {
      if (!answersForTheDeviceOrQueue(refused)) {
        throw refused;
      }
      Optional<Created> replay = replay(key.key(), request);
      if (replay.isPresent()) {
        return replay.get();
      }
      throw refused;
    }
  }

  /** Refusals of {@link #requireReady} and the queue; not the database's, nor the key's own answers. */
  private static boolean answersForTheDeviceOrQueue(RuntimeException refused) {
    if (refused instanceof AdbException) {
      return true;
    }
    ErrorCode code = ((ApiException) refused).code();
    return code != ErrorCode.DATABASE_UNAVAILABLE
        && code != ErrorCode.IDEMPOTENCY_KEY_REUSED
        && code != ErrorCode.IDEMPOTENCY_KEY_IN_USE;
  }

  private Optional<Created> replay(String key, NewExecution request) {
    return store.findByKey(key, now()).map(found -> {
      if (!found.key().requestFingerprint().equals(request.fingerprint())) {
        throw new ApiException(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key was already used with a different request body",
            Map.of("idempotency_key", key, "execution_id", found.execution().id()));
      }
      return new Created(found.execution(), true);
    });
  }

  private Created createNew(NewExecution request, Optional<IdempotencyKey> key, WrittenWithInsert alongside) {
    requireReady(request.deviceSerial());
    scheduler.reserve(request.deviceSerial());
    ExecutionRecord execution;
    try {
      Instant now = now();
      execution = ExecutionRecord.queued(ids.next(now), request, now);
      store.insert(execution, key, alongside);
    } catch (DuplicateIdempotencyKeyException e) {
      scheduler.release(request.deviceSerial());
      // An earlier request with this key stored it (or another instance, or a request that outwaited the gate).
      String k = key.orElseThrow().key();
      return replay(k, request).orElseThrow(() -> keyInUse(k));
    } catch (RuntimeException e) {
      scheduler.release(request.deviceSerial());
      throw e;
    }
    events.changed(null, execution);
    scheduler.submit(execution);
    return new Created(execution, false);
  }

  private void requireReady(String serial) {
    // With the ADB server down its devices look offline or gone; say what is really wrong.
    gateway.checkServerAvailable("create-execution");
    Device device =
        devices
            .find(serial)
            .orElseThrow(() -> new ApiException(ErrorCode.DEVICE_NOT_FOUND, "No device with serial " + serial, Map.of("serial", serial)));
    DeviceState state = device.getState();
    if (state != DeviceState.ONLINE && state != DeviceState.BUSY) {
      throw new ApiException(
          ErrorCode.DEVICE_NOT_READY,
          "Device " + serial + " is " + state.value() + " and cannot run executions",
          Map.of("serial", serial, "state", state.value()));
    }
    if (device.getLink() != null && device.getLink().getBreakerState() == BreakerState.OPEN) {
      // Refused at once: queueing behind an open breaker would only fail later.
      long retryAfter = device.getLink().getRetryAfterSeconds() == null ? 1 : Math.max(1, device.getLink().getRetryAfterSeconds());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("serial", serial);
      details.put("retry_after_seconds", retryAfter);
      throw new ApiException(
          ErrorCode.DEVICE_CIRCUIT_OPEN,
          "Circuit breaker for device " + serial + " is open; retry in " + retryAfter + " s",
          details,
          Duration.ofSeconds(retryAfter),
          null);
    }
  }

  private static ApiException keyInUse(String key) {
    return new ApiException(
        ErrorCode.IDEMPOTENCY_KEY_IN_USE,
        "A request with this Idempotency-Key is still being processed",
        Map.of("idempotency_key", key),
        Duration.ofSeconds(1),
        null);
  }

  // ---------------------------------------------------------------- open breaker

  /**
   * When a device's breaker opens, what waits in its queue ends at once in {@code error} with
   * {@code DEVICE_CIRCUIT_OPEN}, as a create would be refused now, instead of waiting for a turn
   * that the breaker would refuse anyway.
   */
  private void refuseQueuedWhileBreakerOpen(Device device) {
    DeviceLink link = device.getLink();
    if (link == null || link.getBreakerState() != BreakerState.OPEN || scheduler.queued(device.getSerial()) == 0) {
      return;
    }
    long retryAfter = link.getRetryAfterSeconds() == null ? 1 : Math.max(1, link.getRetryAfterSeconds());
    background.execute(() -> refuseQueued(device.getSerial(), retryAfter));
  }

  private void refuseQueued(String serial, long retryAfterSeconds) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("serial", serial);
    details.put("retry_after_seconds", retryAfterSeconds);
    ExecutionError refused =
        new ExecutionError(
            ErrorCode.DEVICE_CIRCUIT_OPEN,
            "The device's ADB circuit breaker opened while the execution was queued; retry in " + retryAfterSeconds + " s",
            details);
    for (ExecutionRecord queued : scheduler.queuedOn(serial)) {
      if (!scheduler.dequeue(queued.id(), serial)) {
        continue;  // Started or cancelled meanwhile.
      }
      try {
        ExecutionRecord[] before = new ExecutionRecord[1];
        store.update(queued.id(), r -> {
          before[0] = r;
          return r.status() == ExecutionStatus.QUEUED ? r.finished(ExecutionStatus.ERROR, null, refused, now()) : r;
        }).ifPresent(after -> events.changed(before[0], after));
      } catch (RuntimeException e) {
        // Its turn comes later and the breaker, if still open, refuses it then.
        log.info("Execution {} stays queued: {}", queued.id(), e.getMessage());
        scheduler.requeue(queued);
      }
    }
  }

  // ---------------------------------------------------------------- read

  /** @throws ApiException EXECUTION_NOT_FOUND */
  public ExecutionRecord get(String id) {
    return store.find(id).orElseThrow(() -> notFound(id));
  }

  /** A page of executions; {@code pageToken} continues a listing of the same query. */
  public Page<ExecutionRecord> list(ExecutionQuery query, int pageSize, String pageToken) {
    Optional<ExecutionCursor> after =
        pageToken == null ? Optional.empty() : Optional.of(ExecutionPageTokens.decode(pageToken, query));
    List<ExecutionRecord> rows = store.list(query, after, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<ExecutionRecord> items = more ? rows.subList(0, pageSize) : rows;
    Optional<String> next =
        more ? Optional.of(ExecutionPageTokens.encode(query, ExecutionCursor.after(items.get(items.size() - 1)))) : Optional.empty();
    return new Page<>(items, pageSize, next);
  }

  /** Output from byte {@code offset}, at most about {@code limit} bytes, whole characters only. */
  public OutputSlice output(String id, long offset, int limit) {
    return reader.read(get(id), offset, limit);
  }

  // ---------------------------------------------------------------- cancel

  /**
   * Cancels a queued execution at once, or stops a running one and answers when it stopped — or,
   * when it does not stop within {@link ExecutionConfig#cancelWait()}, marks it cancelled and
   * abandoned ({@code details.abandoned}).
   *
   * @throws ApiException EXECUTION_NOT_FOUND, or EXECUTION_NOT_CANCELLABLE once finished otherwise
   */
  public ExecutionRecord cancel(String id) {
    ExecutionRecord current = get(id);
    if (current.status() == ExecutionStatus.QUEUED) {
      scheduler.dequeue(id, current.deviceSerial());
      ExecutionRecord after = transition(id, ExecutionStatus.QUEUED, ShellOutcomes.stopped(ShellOutcomes.StopReason.CLIENT_CANCEL).error());
      if (after.status() != ExecutionStatus.RUNNING) {
        return finishedOrCancelled(after);
      }
      current = after;  // It started meanwhile: stop it like any running one.
    }
    if (current.status() == ExecutionStatus.RUNNING) {
      Optional<ExecutionRun> run = scheduler.running(id);
      if (run.isPresent()) {
        run.get().stop(ShellOutcomes.StopReason.CLIENT_CANCEL);
        if (run.get().awaitDone(config.cancelWait())) {
          return finishedOrCancelled(get(id));
        }
      }
      ExecutionError abandoned =
          new ExecutionError(
              ErrorCode.EXECUTION_CANCELLED,
              "Cancelled by a client; the device did not confirm the command stopped, so it was abandoned",
              Map.of("abandoned", true));
      return finishedOrCancelled(transition(id, ExecutionStatus.RUNNING, abandoned));
    }
    return finishedOrCancelled(current);
  }

  private ExecutionRecord transition(String id, ExecutionStatus from, ExecutionError cancelled) {
    ExecutionRecord[] before = new ExecutionRecord[1];
    ExecutionRecord after =
        store.update(id, r -> {
          before[0] = r;
          return r.status() == from ? r.finished(ExecutionStatus.CANCELLED, null, cancelled, now()) : r;
        }).orElseThrow(() -> notFound(id));
    events.changed(before[0], after);
    return after;
  }

  private static ExecutionRecord finishedOrCancelled(ExecutionRecord execution) {
    if (execution.status() == ExecutionStatus.CANCELLED || !execution.isFinished()) {
      return execution;
    }
    throw new ApiException(
        ErrorCode.EXECUTION_NOT_CANCELLABLE,
        "Execution " + execution.id() + " already finished with status " + execution.status().value(),
        Map.of("execution_id", execution.id(), "status", execution.status().value()));
  }

  private static ApiException notFound(String id) {
    return new ApiException(ErrorCode.EXECUTION_NOT_FOUND, "No execution with id " + id, Map.of("execution_id", id));
  }

  // ---------------------------------------------------------------- housekeeping

  private void purgeExpiredKeys() {
    try {
      int purged = store.purgeExpiredKeys(now());
      if (purged > 0) {
        log.info("Forgot {} expired idempotency keys", purged);
      }
    } catch (RuntimeException e) {
      log.info("Purging expired idempotency keys failed; trying again later: {}", e.getMessage());
    }
  }

  // Microseconds: what PostgreSQL keeps, so a stored timestamp reads back equal (keyset paging).
  private Instant now() {
    return StoredTime.now(clock);
  }

  /** Stops running commands and marks them and the queued ones interrupted, as far as the database allows. */
  @Override
  public void close() {
    List<ExecutionRecord> queued = scheduler.stop(STOP_WAIT);
    for (ExecutionRecord execution : queued) {
      try {
        store.update(execution.id(), r -> r.isFinished() ? r : r.finished(ExecutionStatus.INTERRUPTED, null, ShellOutcomes.interrupted(), now()))
            .ifPresent(after -> events.changed(execution, after));
      } catch (RuntimeException e) {
        // The next start marks it interrupted.
        log.info("Execution {} stays queued in the database until the next start: {}", execution.id(), e.getMessage());
      }
    }
    scheduler.close();
    background.shutdownNow();
    flusher.shutdownNow();
  }
}
