package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.http.error.ErrorResponses;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;

/**
 * Puts {@link HandshakeGuardFilter} right before Tyrus' filter, so every WebSocket handshake under
 * the context path passes the guard first. Register after Tyrus' {@code WebSocketAddOn}.
 */
public final class HandshakeGuardAddOn implements AddOn {

  private final String contextPath;
  private final HandshakeGuard guard;
  private final ErrorResponses errors;
  private final ObjectMapper json;

  public HandshakeGuardAddOn(String contextPath, HandshakeGuard guard, ErrorResponses errors, ObjectMapper json) {
    this.contextPath = contextPath;
    this.guard = guard;
    this.errors = errors;
    this.json = json;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int tyrus = chain.indexOfType(GrizzlyServerFilter.class);
    if (tyrus < 0) {
      throw new IllegalStateException("No Tyrus filter in the chain of " + listener.getName() + "; register WebSocketAddOn first");
    }
    chain.add(tyrus, new HandshakeGuardFilter(contextPath, guard, new EnvelopeWriter(errors, json)));
  }
}
