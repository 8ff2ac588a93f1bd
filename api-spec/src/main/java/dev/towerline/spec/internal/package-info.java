/**
 * How the contract is checked: reference resolution, schema validation through networknt, and
 * one class per family of house rules. Not an API; only {@code dev.towerline.spec} uses it.
 */
package dev.towerline.spec.internal;
