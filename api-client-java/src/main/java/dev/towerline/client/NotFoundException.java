package dev.towerline.client;

/**
 * The device, execution or route does not exist (HTTP 404: {@code DEVICE_NOT_FOUND}, {@code EXECUTION_NOT_FOUND}, {@code ROUTE_NOT_FOUND}).
 *
 * <pre>{@code
 * Optional<Device> device;
 * try {
 *   device = Optional.of(towerline.getDevice(serial));
 * } catch (NotFoundException e) {
 *   device = Optional.empty();
 * }
 * }</pre>
 */
public class NotFoundException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  NotFoundException(ServerError error) {
    super(error);
  }
}
