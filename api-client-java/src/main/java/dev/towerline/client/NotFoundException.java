package dev.towerline.client;

/** The device, execution or route does not exist (HTTP 404: {@code DEVICE_NOT_FOUND}, {@code EXECUTION_NOT_FOUND}, {@code ROUTE_NOT_FOUND}). */
public class NotFoundException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  NotFoundException(ServerError error) {
    super(error);
  }
}
