package dev.towerline.server.auth;

/** How a server authenticates its callers, fixed at start. */
public enum AuthMode {
  /** Every operation but the open ones needs a configured token. */
  TOKENS,
  /** No tokens configured: everyone may do everything, so the server listens on loopback only. */
  LOOPBACK_ONLY,
  /** {@code AUTH_DISABLED=true}: everyone may do everything, on any address. */
  DISABLED
}
