package dev.towerline.server.listing;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.Map;

/** The contract's bounds on {@code page_size}: 1–500, 50 when absent; anything else is a 400, never clamped. */
public final class PageSizes {
  public static final int DEFAULT = 50;
  public static final int MAX = 500;

  private PageSizes() {}

  public static int validate(Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw new ApiException(
          ErrorCode.INVALID_PARAMETER,
          "page_size must be between 1 and " + MAX,
          Map.of("parameter", "page_size", "value", String.valueOf(requested), "reason", "must be between 1 and " + MAX));
    }
    return requested;
  }
}
