/** JSON (de)serialization settings shared by every part of the server. */
package dev.towerline.server.json;
