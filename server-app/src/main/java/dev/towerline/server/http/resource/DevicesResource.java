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
import dev.towerline.server.listing.Page;
import dev.towerline.server.model.DeviceList;
import dev.towerline.server.model.ListMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** {@code listDevices} and {@code getDevice}: translate to the device directory and back. */
@Singleton
public final class DevicesResource implements DevicesApi {
  private final DeviceDirectory directory;
  private final DeviceListing listing;
  private final Clock clock;
  private final int defaultPageSize;

  /** Parameters reach this class already checked against openapi.yaml; defaults come from it too. */
  @Inject
  public DevicesResource(DeviceDirectory directory, DeviceListing listing, Clock clock, RequestContract contract) {
    this.directory = directory;
    this.listing = listing;
    this.clock = clock;
    this.defaultPageSize = contract.require("listDevices").parameterDefault("query", "page_size").asInt();
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
    int size = pageSize == null ? defaultPageSize : pageSize;
    DeviceQuery query = new DeviceQuery(state, model, label, q, DeviceSort.fromWireName(sort));
    Page<Device> page = listing.list(query, size, pageToken);
    DeviceList body =
        DeviceList.builder()
            .data(page.items())
            .metadata(ListMetadata.builder().pageSize(page.pageSize()).nextPageToken(page.nextPageToken().orElse(null)).build())
            .timestamp(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .build();
    return Response.ok(body).build();
  }
}
