package dev.towerline.client;

import java.time.Duration;

/**
 * Waits between retries. Tests pass one that advances a fake {@link java.time.Clock} instead of
 * sleeping (resilience4j {@code MockClock} style).
 *
 * <pre>{@code
 * TowerlineClient client = TowerlineClient.builder()
 *     .baseUrl(url)
 *     .clock(fakeClock)
 *     .sleeper(duration -> fakeClock.advance(duration))   // retries and polls take no real time
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread; interrupting it ends the wait and the call. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
