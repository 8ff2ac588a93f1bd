/**
 * The Towerline contract: {@link dev.towerline.spec.ContractDocuments} reads {@code openapi.yaml},
 * {@code asyncapi.yaml} and the shared JSON Schemas (from the source folder or from this jar,
 * where they live under {@code towerline/contract/}); {@link dev.towerline.spec.SpecCheck} checks
 * them and fails the build naming file and JSON pointer; {@link
 * dev.towerline.spec.ContractExamples} lists every example with the shape it illustrates, for the
 * round-trip tests of the generated code. Everything is non-null unless marked otherwise.
 */
package dev.towerline.spec;
