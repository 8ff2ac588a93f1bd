package dev.towerline.server.listing;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the token for the next one, absent on the last page. */
public record Page<T>(List<T> items, int pageSize, Optional<String> nextPageToken) {
  public Page {
    items = List.copyOf(items);
  }
}
