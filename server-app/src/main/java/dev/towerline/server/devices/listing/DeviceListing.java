package dev.towerline.server.devices.listing;

import dev.towerline.protocol.Device;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.listing.Page;
import dev.towerline.server.listing.SnapshotListings;
import java.time.Clock;

/** {@code listDevices}: filter and sort the directory, then page over a snapshot of that order. */
public final class DeviceListing {
  private final DeviceDirectory directory;
  private final SnapshotListings<Device> listings;

  public DeviceListing(DeviceDirectory directory, Clock clock) {
    this.directory = directory;
    this.listings =
        new SnapshotListings<>(clock, SnapshotListings.DEFAULT_RETENTION, SnapshotListings.DEFAULT_MAX_SNAPSHOTS);
  }

  public Page<Device> list(DeviceQuery query, int pageSize, String pageToken) {
    return listings.page(
        query.fingerprint(),
        pageSize,
        pageToken,
        () ->
            directory.all().stream()
                .filter(query::matches)
                .sorted(query.sort().comparator())
                .map(Device::getSerial)
                .toList(),
        directory::find);
  }
}
