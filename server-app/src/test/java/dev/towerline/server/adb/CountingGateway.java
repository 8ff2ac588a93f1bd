package dev.towerline.server.adb;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every call to a real gateway and counts them, so a test can tell whether a call reached
 * ADB at all. Tracking can be switched off to force the polling fallback.
 */
public class CountingGateway implements AdbGateway {

  private final AdbGateway delegate;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean refuseTracking;

  public CountingGateway(AdbGateway delegate) {
    this.delegate = delegate;
  }

  public int calls() {
    return calls.get();
  }

  /** From now on, track() fails as an ADB server without track-devices would. */
  public void refuseTracking() {
    refuseTracking = true;
  }

  @Override
  public int serverVersion() {
    calls.incrementAndGet();
    return delegate.serverVersion();
  }

  @Override
  public List<AdbDevice> devices() {
    calls.incrementAndGet();
    return delegate.devices();
  }

  @Override
  public DeviceTracking track(TrackListener listener) {
    calls.incrementAndGet();
    if (refuseTracking) {
      throw new AdbCommandFailedException("ADB server refused track: unknown host service",
          "track", null, false, false, null);
    }
    return delegate.track(listener);
  }

  @Override
  public Map<String, String> properties(String serial) {
    calls.incrementAndGet();
    return delegate.properties(serial);
  }

  @Override
  public OptionalInt batteryLevel(String serial) {
    calls.incrementAndGet();
    return delegate.batteryLevel(serial);
  }

  @Override
  public ShellResult shell(String serial, String command, ShellOptions options, OutputSink sink) {
    calls.incrementAndGet();
    return delegate.shell(serial, command, options, sink);
  }
}
