/** Consumer tests: the Java SDK against Pact's mock server, writing the pacts to target/pacts. */
package dev.towerline.pact.consumer;
