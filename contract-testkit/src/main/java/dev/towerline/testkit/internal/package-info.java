/**
 * How the testkit checks: the contract read once into an immutable model ({@link
 * dev.towerline.testkit.internal.ContractModel}), path-template matching, and the rules for
 * responses and frames. Schema validation, reference resolution and the error-code table are
 * api-spec's own ({@code dev.towerline.spec.internal}), so the build's spec check and the tests
 * read the contract the same way. Not an API; everything is non-null unless marked otherwise.
 */
package dev.towerline.testkit.internal;
