package dev.towerline.server.http.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.devices.listing.DeviceQuery;
import dev.towerline.server.http.resource.DeviceLists;
import dev.towerline.server.model.DeviceList;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The bodies of the unfiltered device list's first page. While the directory's version stays the
 * same, such a page differs from the last one only in its {@code timestamp}: the page is rendered
 * once, with a mark where the timestamp goes, and kept as the bytes before and after the mark.
 * Lists are read thousands of times a second; devices and queues change seconds apart. A page with
 * a next-page token (each names its own snapshot) and a directory without a version are rendered
 * every time.
 */
final class DeviceListBodies {
  /** A timestamp no list is made at: where the mark's rendering is found, the list's goes. */
  private static final OffsetDateTime MARK = OffsetDateTime.of(1, 2, 3, 4, 5, 6, 789_012_345, ZoneOffset.UTC);

  /** A rendered page, cut at its timestamp. */
  private record Template(Object version, Integer pageSize, byte[] head, byte[] tail) {

    /** The template of {@code page}, rendered with the mark, or empty when the mark is not found once. */
    static Optional<Template> cut(Object version, Integer pageSize, byte[] page, byte[] mark) {
      int at = indexOf(page, mark, 0);
      if (at < 0 || indexOf(page, mark, at + 1) >= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Template(version, pageSize, Arrays.copyOfRange(page, 0, at), Arrays.copyOfRange(page, at + mark.length, page.length)));
    }

    boolean serves(Optional<Object> current, Integer size) {
      return current.isPresent() && version.equals(current.get()) && Objects.equals(pageSize, size);
    }

    byte[] with(byte[] timestamp) {
      byte[] body = Arrays.copyOf(head, head.length + timestamp.length + tail.length);
      System.arraycopy(timestamp, 0, body, head.length, timestamp.length);
      System.arraycopy(tail, 0, body, head.length + timestamp.length, tail.length);
      return body;
    }
  }

  private final DeviceLists lists;
  private final ObjectMapper json;
  private final DeviceQuery unfiltered = new DeviceQuery(null, null, null, null, null);
  private final byte[] mark;
  private volatile Template last;

  DeviceListBodies(DeviceLists lists, ObjectMapper json) {
    this.lists = lists;
    this.json = json;
    try {
      this.mark = json.writeValueAsBytes(MARK);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The mapper cannot write a timestamp", e);
    }
  }

  /** @param pageSize checked against the contract already; null for its default */
  byte[] firstPage(Integer pageSize) throws JsonProcessingException {
    // Before the list: the page made below is then at least as new as the version it is kept under.
    Optional<Object> version = lists.version();
    Template template = last;
    if (template != null && template.serves(version, pageSize)) {
      return template.with(json.writeValueAsBytes(lists.timestamp()));
    }
    DeviceList page = lists.list(unfiltered, pageSize, null);
    if (version.isEmpty() || page.getMetadata().getNextPageToken() != null) {
      return json.writeValueAsBytes(page);
    }
    OffsetDateTime timestamp = page.getTimestamp();
    Optional<Template> made = Template.cut(version.get(), pageSize, json.writeValueAsBytes(page.timestamp(MARK)), mark);
    if (made.isEmpty()) {
      return json.writeValueAsBytes(page.timestamp(timestamp));
    }
    last = made.get();
    return made.get().with(json.writeValueAsBytes(timestamp));
  }

  private static int indexOf(byte[] bytes, byte[] part, int from) {
    for (int at = from; at <= bytes.length - part.length; at++) {
      if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
        return at;
      }
    }
    return -1;
  }
}
