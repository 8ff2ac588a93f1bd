package dev.towerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What one wrk run measured, from the {@code BENCH_JSON} line its script prints: requests,
 * socket errors, answers with status 400 or more (wrk counts only those), and latency in µs.
 */
record WrkResult(
    long requests, long durationMicros, long bytes, long socketErrors, long errorStatuses,
    long p50Micros, long p95Micros, long p99Micros, long maxMicros) {

  private static final String MARKER = "BENCH_JSON ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requests per second over wrk's own measured duration. */
  double requestsPerSecond() {
    return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
  }

  /** Parses wrk's whole standard output; fails naming the output when the line is missing. */
  static WrkResult parse(String wrkOutput) {
    int start = wrkOutput.indexOf(MARKER);
    if (start < 0) {
      throw new IllegalArgumentException("wrk printed no " + MARKER.trim() + " line: " + wrkOutput);
    }
    int end = wrkOutput.indexOf('\n', start);
    String json = wrkOutput.substring(start + MARKER.length(), end < 0 ? wrkOutput.length() : end);
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode errors = root.path("errors");
      JsonNode latency = root.path("latency_us");
      long socketErrors = errors.path("connect").asLong() + errors.path("read").asLong()
          + errors.path("write").asLong() + errors.path("timeout").asLong();
      return new WrkResult(root.path("requests").asLong(), root.path("duration_us").asLong(),
          root.path("bytes").asLong(), socketErrors, root.path("status_4xx_5xx").asLong(),
          latency.path("p50").asLong(), latency.path("p95").asLong(), latency.path("p99").asLong(),
          latency.path("max").asLong());
    } catch (IOException e) {
      throw new UncheckedIOException("wrk's " + MARKER.trim() + " line is not JSON: " + json, e);
    }
  }
}
