/**
 * Provider verification: every pact replayed against the real server and an ADB simulator, with
 * the consumers' provider states set up through the simulator and the public API.
 */
package dev.towerline.pact.provider;
