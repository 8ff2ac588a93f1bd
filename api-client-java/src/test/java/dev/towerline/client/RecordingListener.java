package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.BreakerState;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Records each hook as one line, for {@code assertNext(...)} in order and {@link #assertExhausted()}. */
final class RecordingListener implements TowerlineListener {

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  @Override
  public void requestSent(String operation, int attempt) {
    events.add("sent " + operation + " #" + attempt);
  }

  @Override
  public void responseReceived(String operation, int status, Duration duration) {
    assertThat(duration).isPositive();
    events.add("received " + operation + " " + status);
  }

  @Override
  public void retryScheduled(String operation, int attempt, Duration delay, TowerlineException cause) {
    events.add("retry " + operation + " #" + attempt + " in " + delay + " after " + cause.getClass().getSimpleName());
  }

  @Override
  public void breakerStateChanged(String breaker, BreakerState from, BreakerState to) {
    events.add("breaker " + from.value() + " -> " + to.value());
  }

  @Override
  public void deprecated(DeprecationNotice notice) {
    events.add("deprecated " + notice.operation());
  }

  RecordingListener assertNext(String event) {
    assertThat(events.poll()).isEqualTo(event);
    return this;
  }

  void assertExhausted() {
    assertThat(events).isEmpty();
  }
}
