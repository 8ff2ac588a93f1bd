package dev.towerline.server.http.grizzly;

import java.util.Set;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link UnservedUpgradeFilter} right after Grizzly's HTTP codec, so requests that ask for an
 * upgrade the server cannot honour ({@code Upgrade: h2c}, which the JDK HttpClient sends by
 * default on plain http; WebSocket where no endpoint listens) are answered over HTTP/1.1 instead
 * of hanging. Register before the server starts.
 */
public final class UnservedUpgradeAddOn implements AddOn {

  private final Set<String> webSocketPaths;

  /** @param webSocketPaths the absolute paths of the WebSocket endpoints, e.g. {@code /api/v1/ws/devices} */
  public UnservedUpgradeAddOn(Set<String> webSocketPaths) {
    this.webSocketPaths = Set.copyOf(webSocketPaths);
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the filter chain of " + listener.getName());
    }
    chain.add(codec + 1, new UnservedUpgradeFilter(webSocketPaths));
  }
}
