package dev.towerline.server.auth;

/**
 * Told when the accepted tokens change without a restart (the tokens file was edited). Called on
 * the registry's reload thread, after the new tokens are in force; must not block for long.
 */
@FunctionalInterface
public interface TokenChanges {
  void tokensChanged(TokenChange change);
}
