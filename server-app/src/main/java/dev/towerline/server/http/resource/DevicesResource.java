package dev.towerline.server.http.resource;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceState;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.api.DevicesApi;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.devices.listing.DeviceQuery;
import dev.towerline.server.devices.listing.DeviceSort;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.contract.RequestContract;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;

/** {@code listDevices} and {@code getDevice}: translate to the device directory and back. */
@Singleton
public final class DevicesResource implements DevicesApi {
  private final DeviceDirectory directory;
  private final DeviceLists lists;

  /** Parameters reach this class already checked against openapi.yaml; defaults come from it too. */
  @Inject
  public DevicesResource(DeviceDirectory directory, DeviceListing listing, Clock clock, RequestContract contract) {
    this.directory = directory;
    this.lists = new DeviceLists(listing, clock, contract);
  }

  @Override
  public Response getDevice(String serial) {
    Device device =
        directory
            .find(serial)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.DEVICE_NOT_FOUND, "No device with serial " + serial, Map.of("serial", serial)));
    return Response.ok(device).build();
  }

  @Override
  public Response listDevices(
      Integer pageSize, String pageToken, DeviceState state, String model, String label, String q, String sort) {
    DeviceQuery query = new DeviceQuery(state, model, label, q, DeviceSort.fromWireName(sort));
    return Response.ok(lists.list(query, pageSize, pageToken)).build();
  }
}
