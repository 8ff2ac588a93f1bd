/**
 * Test support shared by the server's tests: the in-process server fixture, envelope assertions,
 * the operations of the bundled contract, a WebSocket recorder and a raw HTTP client. Every
 * response and frame they receive is checked against the contract (contract-testkit).
 */
package dev.towerline.server.testing;
