package dev.towerline.server.http.resource;

import dev.towerline.protocol.Device;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.devices.listing.DeviceQuery;
import dev.towerline.server.listing.Page;
import dev.towerline.server.model.DeviceList;
import dev.towerline.server.model.ListMetadata;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The body of {@code listDevices}, whichever path answers it: both must share one {@link
 * DeviceListing}, whose snapshots honour the page tokens either path handed out.
 */
public final class DeviceLists {
  static final String OPERATION_ID = "listDevices";

  private final DeviceListing listing;
  private final Clock clock;
  private final int defaultPageSize;

  public DeviceLists(DeviceListing listing, Clock clock, RequestContract contract) {
    this.listing = listing;
    this.clock = clock;
    this.defaultPageSize = contract.require(OPERATION_ID).parameterDefault("query", "page_size").asInt();
  }

  /**
   * @param pageSize checked against openapi.yaml already; null for its default
   * @param pageToken a token from an earlier page, or null for the first
   */
  public DeviceList list(DeviceQuery query, Integer pageSize, String pageToken) {
    int size = pageSize == null ? defaultPageSize : pageSize;
    Page<Device> page = listing.list(query, size, pageToken);
    return DeviceList.builder()
        .data(page.items())
        .metadata(ListMetadata.builder().pageSize(page.pageSize()).nextPageToken(page.nextPageToken().orElse(null)).build())
        .timestamp(timestamp())
        .build();
  }

  /** See {@link DeviceListing#version}. */
  public Optional<Object> version() {
    return listing.version();
  }

  /** A list's {@code timestamp} if it were made now. */
  public OffsetDateTime timestamp() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
