/** Text measured and checked as the wire carries it (UTF-8 length, valid Unicode). */
package dev.towerline.server.text;
