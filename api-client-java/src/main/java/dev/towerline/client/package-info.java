/**
 * The Towerline Java SDK: start at {@link dev.towerline.client.TowerlineClient#builder()}.
 *
 * <pre>{@code
 * try (TowerlineClient towerline = TowerlineClient.builder()
 *     .baseUrl("http://lab-host:8080/")
 *     .build()) {
 *   for (Device device : towerline.listDevices(DevicePage.first()).devices()) { ... }
 * }
 * }</pre>
 *
 * <p>Everything here is non-null unless marked {@code @Nullable}. The generated client
 * ({@code dev.towerline.client.generated}) and {@code dev.towerline.client.internal} are not
 * part of the public surface.
 */
package dev.towerline.client;
