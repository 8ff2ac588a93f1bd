/**
 * Builds the published Towerline docs site from the contract in {@code api-spec/}.
 *
 * <p>{@link dev.towerline.docs.DocsSite} is run by the build (exec-maven-plugin, phase
 * {@code process-classes}); it is not a library. Its jar carries the built site under
 * {@code META-INF/towerline/docs/}, which server-app serves at {@code /docs/}. Everything it renders lives in {@code internal}.
 * Non-null is the default for parameters and return values in this package.
 */
package dev.towerline.docs;
