/** Listing devices: the filters and sort orders of {@code listDevices}, paged over snapshots. */
package dev.towerline.server.devices.listing;
