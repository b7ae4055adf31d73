package io.plugmate.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** The envelope of an OEM webhook delivery; {@code report} is read per event type. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPayload(String deliveryId, String event, String vendor, String accountId, JsonNode report) {
}
