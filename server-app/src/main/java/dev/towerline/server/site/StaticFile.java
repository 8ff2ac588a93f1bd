package dev.towerline.server.site;

/** A file of the site as served: its bytes and media type. */
record StaticFile(byte[] content, String mediaType) {}
