/**
 * Contract checks for tests: {@link dev.towerline.testkit.ContractValidator} checks HTTP answers
 * and WebSocket frames against the contract bundled in api-spec and throws {@link
 * dev.towerline.testkit.ContractViolation} (an {@link java.lang.AssertionError}) naming the
 * operation or channel and the JSON pointer; {@link dev.towerline.testkit.ValidatingHttpClient}
 * does it for every response a test receives. Everything is non-null unless marked otherwise.
 */
package dev.towerline.testkit;
