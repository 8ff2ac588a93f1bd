/**
 * Test support for running the SDK and feed clients against the real server: {@link
 * dev.towerline.sdkit.support.ContractProxy}, a loopback proxy that checks every HTTP answer and
 * every feed frame against the contract and can lose an answer on purpose.
 */
package dev.towerline.sdkit.support;
