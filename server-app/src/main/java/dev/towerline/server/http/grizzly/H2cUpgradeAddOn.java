package dev.towerline.server.http.grizzly;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link IgnoreNonWebSocketUpgradeFilter} right after Grizzly's HTTP codec, so requests that
 * ask for {@code Upgrade: h2c} (the JDK HttpClient does by default on plain http) are answered over
 * HTTP/1.1 instead of hanging. Register before the server starts.
 */
public final class H2cUpgradeAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the filter chain of " + listener.getName());
    }
    chain.add(codec + 1, new IgnoreNonWebSocketUpgradeFilter());
  }
}
