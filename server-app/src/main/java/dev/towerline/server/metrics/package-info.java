/** The Prometheus registry every part records into, with the JVM and process meters. */
package dev.towerline.server.metrics;
