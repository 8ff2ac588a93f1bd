/**
 * A stub Pact Broker on a loopback port, for testing verification against a broker without one:
 * the HAL resources Pact JVM's broker client requests, and a record of what it sent.
 */
package dev.towerline.pact.broker;
