package dev.towerline.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bodies from the contract's examples, and a clock that only the sleeper moves. */
final class Fixtures {

  static final String DEVICE =
      "{\"serial\":\"emulator-5554\",\"state\":\"online\",\"model\":\"Pixel 7\",\"labels\":[\"rack-a\"],"
          + "\"last_seen_at\":\"2026-11-22T10:15:30Z\",\"link\":{\"breaker_state\":\"closed\",\"consecutive_failures\":0}}";

  static final String EXECUTION =
      "{\"id\":\"ex_01JD4Z8Q2M7W\",\"device_serial\":\"emulator-5554\",\"command\":\"getprop\","
          + "\"timeout_seconds\":60,\"status\":\"queued\",\"created_at\":\"2026-11-22T10:15:02Z\","
          + "\"output_bytes\":0,\"output_truncated\":false}";

  private Fixtures() {}

  static FaultServer.Respond created(String executionJson) {
    return FaultServer.json(201, executionJson).withHeader("Location", "/api/v1/executions/ex_01JD4Z8Q2M7W");
  }

  /**
   * A clock that moves only when the test ({@link #advance}) or the {@link #sleeper()} moves it;
   * the sleeper records each wait and, like a real sleep, ends with {@link InterruptedException}
   * when its thread is interrupted.
   */
  static final class FakeTime extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T04:00:00Z");
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    Sleeper sleeper() {
      return duration -> {
        sleeps.add(duration);
        advance(duration);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      };
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
