/**
 * The Towerline Java SDK: start at {@link dev.towerline.client.TowerlineClient#builder()}.
 *
 * <pre>{@code
 * try (TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl("http://lab-host:8080/")
 *     .build()) {
 *   Device device = towerline.streamDevices(DeviceQuery.all().withState(DeviceState.ONLINE)).findFirst().orElseThrow();
 *   Execution run = towerline.createExecution(device.getSerial(), "getprop ro.product.model");
 *   towerline.streamOutput(run.getId()).forEach(output::append);
 * }
 * }</pre>
 *
 * <p>The whole public surface:
 *
 * <ul>
 *   <li>the client: {@link dev.towerline.client.TowerlineClient} and its {@code Builder};
 *       settings {@link dev.towerline.client.RetryPolicy}, {@link
 *       dev.towerline.client.BreakerPolicy}, {@link dev.towerline.client.Sleeper}; hooks {@link
 *       dev.towerline.client.TowerlineListener} with {@link dev.towerline.client.DeprecationNotice};
 *   <li>arguments: {@link dev.towerline.client.DeviceQuery}, {@link
 *       dev.towerline.client.ExecutionQuery}, {@link dev.towerline.client.NewExecution}, {@link
 *       dev.towerline.client.AuditQuery};
 *   <li>results: the shared {@code dev.towerline.protocol} types ({@code Device}, {@code
 *       Execution}, {@code FeedEvent}, …), {@link dev.towerline.client.Page}, {@link
 *       dev.towerline.client.ExecutionOutput}, the records in {@link dev.towerline.client.Health},
 *       {@link dev.towerline.client.AuditEntry}, {@link dev.towerline.client.FeedTicket};
 *   <li>failures: {@link dev.towerline.client.TowerlineException}, with {@link
 *       dev.towerline.client.TowerlineTransportException} (no answer), {@link
 *       dev.towerline.client.ExecutionDeadlineException} (the caller's deadline) and one subclass
 *       per error family: {@link dev.towerline.client.NotFoundException}, {@link
 *       dev.towerline.client.InvalidRequestException} and its {@link
 *       dev.towerline.client.ValidationException}, {@link dev.towerline.client.ConflictException}
 *       and its {@link dev.towerline.client.IdempotencyKeyReusedException}, {@link
 *       dev.towerline.client.RateLimitedException}, {@link
 *       dev.towerline.client.UnavailableException} and its {@link
 *       dev.towerline.client.CircuitOpenException}, {@link
 *       dev.towerline.client.NotAuthorizedException}, {@link
 *       dev.towerline.client.ServerException}.
 * </ul>
 *
 * <p>Transient failures are retried first ({@link dev.towerline.client.RetryPolicy}), behind a
 * circuit breaker ({@link dev.towerline.client.BreakerPolicy}).
 *
 * <p>Feeds: {@link dev.towerline.client.TowerlineClient#watchDevices} and its siblings hand a
 * {@link dev.towerline.client.FeedListener} each event once, in order, reconnecting and resuming
 * by themselves ({@link dev.towerline.client.FeedPolicy}); see {@link dev.towerline.client.FeedState}.
 *
 * <p>Parameters and results are non-null unless their Javadoc says null is allowed. The generated client
 * ({@code dev.towerline.client.generated}) and {@code dev.towerline.client.internal} are not
 * part of the public surface.
 */
package dev.towerline.client;
