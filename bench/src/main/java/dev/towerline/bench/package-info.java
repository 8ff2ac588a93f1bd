/** Benchmarks run by hand against a running server; each prints its figures. */
package dev.towerline.bench;
