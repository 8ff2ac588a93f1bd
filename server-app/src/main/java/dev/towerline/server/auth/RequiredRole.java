package dev.towerline.server.auth;

import dev.towerline.server.contract.OperationRules;

/** The least role an operation needs, from its {@code x-towerline-role}. */
final class RequiredRole {
  private RequiredRole() {}

  /**
   * The declared role; {@link Role#ADMIN} when the contract names none or one this server does not
   * know, so a mistake in the contract closes an operation rather than opening it.
   */
  static Role of(OperationRules.Access access) {
    return access.role() == null ? Role.ADMIN : Role.fromContractName(access.role()).orElse(Role.ADMIN);
  }
}
