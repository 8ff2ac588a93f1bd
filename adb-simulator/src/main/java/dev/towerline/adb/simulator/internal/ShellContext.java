package dev.towerline.adb.simulator.internal;

import dev.towerline.adb.simulator.ShellSession;
import dev.towerline.adb.simulator.VirtualDevice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The {@link ShellSession} of one running shell service. */
final class ShellContext implements ShellSession {
  private final AttachedDevice attached;
  private final ShellSink sink;
  private final ClientLink link;
  private final BooleanSupplier abandon;

  /**
   * @param abandon true once the shell must stop: device gone, offline, or the simulator stopping
   */
  ShellContext(AttachedDevice attached, ShellSink sink, ClientLink link, BooleanSupplier abandon) {
    this.attached = attached;
    this.sink = sink;
    this.link = link;
    this.abandon = abandon;
  }

  @Override
  public VirtualDevice device() {
    return attached.device();
  }

  @Override
  public void out(String text) throws IOException {
    if (!text.isEmpty()) {
      sink.stdout(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void err(String text) throws IOException {
    if (!text.isEmpty()) {
      sink.stderr(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void sleep(Duration duration) throws IOException {
    link.sleep(duration, abandon);
  }
}
