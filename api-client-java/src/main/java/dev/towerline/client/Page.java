package dev.towerline.client;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. Ask for the next with the query's {@code pageToken(page.nextPageToken())}
 * while {@link #hasNext()}.
 *
 * <pre>{@code
 * Page<Device> page = towerline.listDevices(DeviceQuery.all().withPageSize(100));
 * while (true) {
 *   page.items().forEach(device -> log.info("{}", device.getSerial()));
 *   if (!page.hasNext()) break;
 *   page = towerline.listDevices(DeviceQuery.all().withPageSize(100).withPageToken(page.nextPageToken()));
 * }   // or: towerline.streamDevices(query)
 * }</pre>
 *
 * @param items in the order the server sorted them
 * @param nextPageToken null on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextPageToken != null;
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
