/** Text measured as the wire carries it. */
package dev.towerline.server.text;
