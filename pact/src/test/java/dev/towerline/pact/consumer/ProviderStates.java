package dev.towerline.pact.consumer;

/**
 * The provider states the consumer pacts name, with their parameters. One place for both sides:
 * the consumers pass them to {@code given(...)}, the provider verification implements each one
 * with a {@code @State} method of the same name. States that create an execution take the create
 * request's own fields as parameters ({@code device_serial}, {@code command}, {@code
 * timeout_seconds}) and return what only the server knows, such as {@code execution_id}, for
 * {@code pathFromProviderState} / {@code valueFromProviderState}.
 */
public final class ProviderStates {
  /** {@code serial}: the device is connected, online and idle, its properties read. */
  public static final String DEVICE_ONLINE = "a device is online";

  /** {@code serial}: no device with this serial has ever been seen by the server. */
  public static final String NO_SUCH_DEVICE = "no device has this serial";

  /** {@code serial}: the device's ADB circuit breaker is open, and stays open for a while. */
  public static final String DEVICE_BREAKER_OPEN = "a device's circuit breaker is open";

  /** The execution was created and ended {@code succeeded}; returns {@code execution_id}. */
  public static final String EXECUTION_SUCCEEDED = "an execution has succeeded";

  /** The execution was created and is {@code running}; returns {@code execution_id}. */
  public static final String EXECUTION_RUNNING = "an execution is running";

  /** The execution was created with {@code idempotency_key}; returns {@code execution_id}. */
  public static final String IDEMPOTENCY_KEY_USED = "an Idempotency-Key was used to create an execution";

  /**
   * The execution was created and its creation logged on the executions feed; returns {@code
   * execution_id} and {@code since}, the seq just before that event.
   */
  public static final String EXECUTION_CREATION_LOGGED = "the executions feed logged the creation of an execution";

  /** {@code seq}: the executions feed has issued no event with this seq yet. */
  public static final String FEED_BEFORE_SEQ = "the executions feed has not reached a seq";

  private ProviderStates() {}
}
