/**
 * The Towerline Java SDK: start at {@link dev.towerline.client.TowerlineClient#builder()}.
 *
 * <pre>{@code
 * try (TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl("http://lab-host:8080/")
 *     .build()) {
 *   towerline.streamDevices(DeviceQuery.all().withState(DeviceState.ONLINE))
 *       .forEach(device -> towerline.createExecution(device.getSerial(), "getprop ro.product.model"));
 * }
 * }</pre>
 *
 * <p>Failures are {@link dev.towerline.client.TowerlineException}s: one subclass per error
 * family, {@link dev.towerline.client.TowerlineTransportException} when no answer arrived.
 * Transient failures are retried first ({@link dev.towerline.client.RetryPolicy}), behind a
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
