/**
 * The ceiling: a Java agent started inside the server's JVM ({@code -javaagent:bench-ceiling.jar=<port>})
 * that serves uploaded bytes from a bare Grizzly {@code HttpHandler}, so the bench can compare the
 * server with what the same JVM, the same Grizzly and the same cores do without Jersey and our
 * filters. It uses the Grizzly classes of server-app.jar and contains only its own classes.
 */
package dev.towerline.bench.ceiling;
