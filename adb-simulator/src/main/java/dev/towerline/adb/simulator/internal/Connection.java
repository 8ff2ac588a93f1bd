package dev.towerline.adb.simulator.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: read a host request, answer it, and either close (host queries) or, after
 * a transport switch, serve one device service on the same socket.
 */
final class Connection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final ClientLink link;
  private final ServerContext context;
  private final Runnable onClose;

  Connection(ClientLink link, ServerContext context, Runnable onClose) {
    this.link = link;
    this.context = context;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    boolean graceful = false;
    try {
      serve();
      graceful = true;
    } catch (SocketTimeoutException e) {
      LOG.debug("{} sent no request in time; closing", link.describe());
    } catch (InterruptedIOException e) {
      LOG.debug("{} ended while waiting: {}", link.describe(), e.getMessage());
    } catch (IOException e) {
      LOG.debug("{} connection ended: {}", link.describe(), e.toString());
    } catch (RuntimeException e) {
      // A bug in the simulator: log it here, tell the client nothing about it.
      LOG.warn("{} unexpected failure", link.describe(), e);
    } finally {
      if (graceful && !context.stopping().getAsBoolean()) {
        link.closeGracefully();
      } else {
        link.close();
      }
      onClose.run();
    }
  }

  private void serve() throws IOException {
    String request = link.readRequest();
    if (request == null) {
      return;
    }
    LOG.debug("{}: {}", link.describe(), request);
    context.holdWhileHanging(link);
    Optional<HostRequests.TransportSwitch> transport = HostRequests.transportSwitch(request);
    if (transport.isPresent()) {
      switchTransport(transport.get());
    } else {
      new HostServices(context).answer(link, request);
    }
  }

  private void switchTransport(HostRequests.TransportSwitch request) throws IOException {
    AttachedDevice attached;
    try {
      attached = TransportSelector.select(context.registry().snapshot(), request.target(), false);
    } catch (ServiceFailure e) {
      link.send(Wire.fail(e.getMessage()));
      return;
    }
    link.send(
        request.reportsTransportId()
            ? Wire.okayWithTransportId(attached.transportId())
            : Wire.OKAY);
    new DeviceServices(context).serve(link, attached);
  }
}
