/**
 * The spec diff: {@link dev.towerline.diff.ContractDiff} compares two versions of the contract
 * ({@link dev.towerline.diff.Contract}) by direction and gives a {@link dev.towerline.diff.DiffReport}
 * of classified {@link dev.towerline.diff.Change}s and policy violations; {@link dev.towerline.diff.Main}
 * is the command line and the build's compatibility gate. Everything is non-null unless marked otherwise.
 */
package dev.towerline.diff;
