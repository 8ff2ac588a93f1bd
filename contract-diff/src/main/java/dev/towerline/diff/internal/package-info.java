/**
 * How the diff works: contract files read from a folder or a git commit and parsed once
 * ({@link dev.towerline.diff.internal.Documents}), {@code $ref}s followed into the schema files
 * ({@link dev.towerline.diff.internal.Refs}), the REST and AsyncAPI walkers, the schema comparison
 * by {@link dev.towerline.diff.internal.Direction}, the sunset and SemVer policy, and the three
 * report renderers. Not an API; everything is non-null unless marked otherwise.
 */
package dev.towerline.diff.internal;
