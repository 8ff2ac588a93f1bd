/**
 * Test support for running the SDK against the real server: {@link
 * dev.towerline.sdkit.support.ContractProxy}, a loopback proxy that checks every answer against
 * the contract and can lose an answer on purpose.
 */
package dev.towerline.sdkit.support;
