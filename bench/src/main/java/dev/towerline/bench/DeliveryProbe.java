package dev.towerline.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One device change being timed: each client offers every frame it receives; the first frame
 * naming the serial and the new state records that client's arrival time. Matching is two
 * substring checks, no JSON parse, so the clients stay cheap on the hot path.
 */
final class DeliveryProbe {
  private static final String EVENT_TYPE = "device.updated";
  private static final byte[] EVENT_TYPE_BYTES = EVENT_TYPE.getBytes(StandardCharsets.US_ASCII);

  private final String serialToken;
  private final String stateToken;
  private final byte[] serialBytes;
  private final byte[] stateBytes;
  private final long[] arrivals;
  private final CountDownLatch pending;

  DeliveryProbe(String serial, String state, int clients, int expected) {
    this.serialToken = "\"serial\":\"" + serial + "\"";
    this.stateToken = "\"state\":\"" + state + "\"";
    this.serialBytes = serialToken.getBytes(StandardCharsets.UTF_8);
    this.stateBytes = stateToken.getBytes(StandardCharsets.UTF_8);
    this.arrivals = new long[clients];
    this.pending = new CountDownLatch(expected);
  }

  /** Called on the client's own thread, one frame at a time per client: a frame of the JDK client. */
  void offer(int client, String frame, long nanos) {
    if (client < arrivals.length && arrivals[client] == 0 && frame.contains(stateToken) && frame.contains(serialToken)
        && frame.contains(EVENT_TYPE)) {
      arrive(client, nanos);
    }
  }

  /** The same for a frame's UTF-8 bytes, {@code frame[offset, offset + length)}: no decoding. */
  void offer(int client, byte[] frame, int offset, int length, long nanos) {
    if (client < arrivals.length && arrivals[client] == 0 && ByteSearch.contains(frame, offset, length, stateBytes)
        && ByteSearch.contains(frame, offset, length, serialBytes) && ByteSearch.contains(frame, offset, length, EVENT_TYPE_BYTES)) {
      arrive(client, nanos);
    }
  }

  private void arrive(int client, long nanos) {
    arrivals[client] = nanos;
    pending.countDown();
  }

  /** Waits until every expected client has the change or the time is up; true if all have it. */
  boolean await(long millis) throws InterruptedException {
    return pending.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Latencies from {@code startNanos} in µs of the clients that have the change; read after {@link #await}. */
  long[] latenciesMicros(long startNanos) {
    return java.util.Arrays.stream(arrivals).filter(arrival -> arrival != 0)
        .map(arrival -> (arrival - startNanos) / 1000).toArray();
  }

  long received() {
    return arrivals.length == 0 ? 0 : java.util.Arrays.stream(arrivals).filter(arrival -> arrival != 0).count();
  }
}
