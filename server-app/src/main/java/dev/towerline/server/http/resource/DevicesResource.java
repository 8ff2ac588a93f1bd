package dev.towerline.server.http.resource;

import dev.towerline.protocol.DeviceState;
import dev.towerline.server.api.DevicesApi;
import dev.towerline.server.error.ApiException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/** Devices: declared by the contract, served once device tracking exists. */
@Singleton
public final class DevicesResource implements DevicesApi {

  @Override
  public Response getDevice(String serial) {
    throw ApiException.notImplemented("getDevice");
  }

  @Override
  public Response listDevices(
      Integer pageSize,
      String pageToken,
      DeviceState state,
      String model,
      String label,
      String q,
      String sort) {
    throw ApiException.notImplemented("listDevices");
  }
}
