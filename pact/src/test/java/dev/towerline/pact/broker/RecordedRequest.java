package dev.towerline.pact.broker;

/** One request the stub broker received, as it arrived. */
public record RecordedRequest(String method, String path, String authorization, String body) {}
