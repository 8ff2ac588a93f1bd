package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * {@code host:track-devices}: {@code OKAY}, the list at once, then the list again whenever it
 * changes, until the client closes or the simulator stops.
 */
final class DeviceTracker {
  /** How long the tracker waits for a change before checking the client is still there. */
  private static final long CHANGE_WAIT_MILLIS = ClientLink.WAIT_SLICE_MILLIS;

  private final DeviceRegistry registry;
  private final BooleanSupplier stopping;

  DeviceTracker(DeviceRegistry registry, BooleanSupplier stopping) {
    this.registry = registry;
    this.stopping = stopping;
  }

  void run(ClientLink link, boolean longFormat) throws IOException {
    link.send(Wire.OKAY);
    String sent = null;
    while (!stopping.getAsBoolean()) {
      long version = registry.version();
      String listing = DeviceListing.format(registry.snapshot(), longFormat);
      // Only real changes are sent: a battery update does not change the list. A change is pushed
      // at once; the client is looked at (a 1 ms read) only when there is nothing to push, so the
      // look never delays a push, and a client gone meanwhile fails the send.
      if (!listing.equals(sent)) {
        link.send(Wire.lengthPrefixed(listing));
        sent = listing;
      } else if (link.clientClosedWithin(1)) {
        return;
      }
      awaitChange(version);
    }
  }

  private void awaitChange(long version) throws InterruptedIOException {
    try {
      registry.awaitChange(version, CHANGE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("tracker interrupted: simulator stopping");
    }
  }
}
