package dev.towerline.server.auth;

import java.util.Locale;
import java.util.Optional;

/** A token's role, as named by {@code x-towerline-role} in the contract; each includes the ones before it. */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** Whether this role may call an operation that needs {@code required}. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The role's name in the contract and in configuration: {@code viewer}, {@code operator}, {@code admin}. */
  public String contractName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code name} in the contract's words, if there is one. */
  public static Optional<Role> fromContractName(String name) {
    for (Role role : values()) {
      if (role.contractName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
