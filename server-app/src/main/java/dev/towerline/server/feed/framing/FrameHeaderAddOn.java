package dev.towerline.server.feed.framing;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;

/** Puts {@link FrameHeaderFilter} right before Tyrus' filter; register after Tyrus' add-on. */
public final class FrameHeaderAddOn implements AddOn {
  private final long maxPayloadBytes;

  /** @param maxPayloadBytes the largest payload one client frame may announce */
  public FrameHeaderAddOn(long maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int tyrus = chain.indexOfType(GrizzlyServerFilter.class);
    if (tyrus < 0) {
      throw new IllegalStateException("No WebSocket filter in the filter chain of " + listener.getName());
    }
    chain.add(tyrus, new FrameHeaderFilter(maxPayloadBytes));
  }
}
