package dev.towerline.server.http.grizzly;

import dev.towerline.server.http.ClientAddresses;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;

/**
 * Notes each request's remote address on the request as it arrives (see {@link ClientAddresses}),
 * where the JAX-RS filters read it as a request property instead of looking the connection up
 * through the injection scope.
 */
public final class ClientAddressAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the filter chain of " + listener.getName());
    }
    HttpServerFilter http = (HttpServerFilter) chain.get(codec);
    http.getMonitoringConfig()
        .addProbes(
            new HttpServerProbe.Adapter() {
              @Override
              public void onBeforeServiceEvent(
                  HttpServerFilter filter, Connection connection, Request request, HttpHandler handler) {
                ClientAddresses.note(request);
              }
            });
  }
}
