package dev.towerline.client;

import dev.towerline.protocol.BreakerState;
import java.time.Duration;

/** Calls the application's listener so that nothing it throws reaches the call. */
final class SafeListener implements TowerlineListener {

  private static final System.Logger LOG = System.getLogger(TowerlineClient.class.getName());

  private final TowerlineListener listener;

  SafeListener(TowerlineListener listener) {
    this.listener = listener;
  }

  TowerlineListener unwrapped() {
    return listener;
  }

  @Override
  public void requestSent(String operation, int attempt) {
    guard("requestSent", () -> listener.requestSent(operation, attempt));
  }

  @Override
  public void responseReceived(String operation, int status, Duration duration) {
    guard("responseReceived", () -> listener.responseReceived(operation, status, duration));
  }

  @Override
  public void retryScheduled(String operation, int attempt, Duration delay, TowerlineException cause) {
    guard("retryScheduled", () -> listener.retryScheduled(operation, attempt, delay, cause));
  }

  @Override
  public void breakerStateChanged(String breaker, BreakerState from, BreakerState to) {
    guard("breakerStateChanged", () -> listener.breakerStateChanged(breaker, from, to));
  }

  @Override
  public void deprecated(DeprecationNotice notice) {
    guard("deprecated", () -> listener.deprecated(notice));
  }

  private static void guard(String hook, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException | AssertionError e) {
      // A faulty listener must not fail, or change the outcome of, the call it watches.
      LOG.log(System.Logger.Level.WARNING, "TowerlineListener." + hook + " threw; ignored", e);
    }
  }
}
