package dev.towerline.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An example written in the contract and the shape it illustrates: the component name in
 * openapi.yaml (e.g. {@code DeviceList}) or the title of a shared file (e.g. {@code
 * DeviceUpdated}), which is also the name of the generated Java type.
 */
public record ContractExample(String location, String shape, JsonNode value) {}
