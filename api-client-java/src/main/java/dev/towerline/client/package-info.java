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
 * <p>Parameters and results are non-null unless their Javadoc says null is allowed. The generated client
 * ({@code dev.towerline.client.generated}) and {@code dev.towerline.client.internal} are not
 * part of the public surface.
 */
package dev.towerline.client;
