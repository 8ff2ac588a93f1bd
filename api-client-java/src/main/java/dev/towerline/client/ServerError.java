package dev.towerline.client;

import java.time.Duration;
import java.util.Map;

/** One error answer of the server, as read from its envelope and headers. */
record ServerError(
    int httpStatus,
    String code,
    String message,
    Map<String, Object> details,
    String requestId,
    Duration retryAfter) {}
