package dev.towerline.server.devices.listing;

import dev.towerline.protocol.Device;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.listing.Page;
import dev.towerline.server.listing.SnapshotListings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code listDevices}: filter and sort the directory, then page over a snapshot of that order. */
public final class DeviceListing {
  private final DeviceDirectory directory;
  private final SnapshotListings<Device> listings;

  public DeviceListing(DeviceDirectory directory, Clock clock) {
    this.directory = directory;
    this.listings =
        new SnapshotListings<>(clock, SnapshotListings.DEFAULT_RETENTION, SnapshotListings.DEFAULT_MAX_SNAPSHOTS);
  }

  /**
   * Equal to an earlier version only if every first page without a token is the same as it was
   * then; see {@link DeviceDirectory#version}, and read it before {@link #list}.
   */
  public Optional<Object> version() {
    return directory.version();
  }

  public Page<Device> list(DeviceQuery query, int pageSize, String pageToken) {
    if (pageToken != null) {
      return listings.page(query.fingerprint(), pageSize, pageToken, List::of, directory::find);
    }
    // The first page shows the devices just sorted: converting each again for the page is waste.
    List<Device> matching = directory.all().stream().filter(query::matches).sorted(query.sort().comparator()).toList();
    return listings.firstPage(query.fingerprint(), pageSize, matching, Device::getSerial);
  }
}
