package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services a device offers after a transport switch: the shell, legacy and v2. */
final class DeviceServices {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceServices.class);
  /** What the real server answers when adbd refuses or drops a service. */
  static final String CLOSED = "closed";

  private final ServerContext context;

  DeviceServices(ServerContext context) {
    this.context = context;
  }

  void serve(ClientLink link, AttachedDevice attached) throws IOException {
    String request = link.readRequest();
    if (request == null) {
      return;
    }
    LOG.debug("{} on {}: {}", link.describe(), attached.serial(), request);
    context.holdWhileHanging(link);
    FaultPlan.Decision decision = context.faults().nextCommand(attached.serial());
    switch (decision.verdict()) {
      case DISCONNECT:
        LOG.debug("injected disconnect for '{}' on {}", request, attached.serial());
        link.close();
        return;
      case FAIL:
        LOG.debug("injected failure for '{}' on {}", request, attached.serial());
        link.send(Wire.fail(decision.failureReason()));
        return;
      default:
        break;
    }
    Optional<ShellRequest> shell = ShellRequest.parse(request);
    if (shell.isEmpty() || (shell.get().v2() && !attached.device().shellV2())) {
      // An old adbd does not know "shell,v2": it refuses the service like any unknown one.
      link.send(Wire.fail(CLOSED));
    } else if (shell.get().command().isBlank()) {
      link.send(Wire.fail("interactive shells are not supported by the Towerline ADB simulator"));
    } else if (!context.registry().servesCommands(attached)) {
      link.send(Wire.fail(CLOSED));
    } else {
      runShell(link, attached, shell.get());
    }
  }

  private void runShell(ClientLink link, AttachedDevice attached, ShellRequest request)
      throws IOException {
    link.send(Wire.OKAY);
    ShellSink sink =
        request.v2() ? new ShellV2Sink(link, request.pty()) : new LegacyShellSink(link);
    ShellContext session =
        new ShellContext(attached, sink, link, () -> context.stopping().getAsBoolean()
            || !context.registry().servesCommands(attached));
    int status = context.interpreter().run(request.command(), session);
    sink.exit(status);
    LOG.debug("shell on {} exited {}: {}", attached.serial(), status, request.command());
  }
}
