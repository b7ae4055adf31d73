package io.plugmate.device;

/**
 * A delivery whose signature verified and whose envelope reads, waiting to be recorded and applied
 * ({@link WebhookIntake}).
 *
 * @param vendor the vendor whose secret verified it (upper case)
 * @param deliveryId the OEM's delivery id header, echoed in the answer
 * @param key what records it once: the vendor and a hash of the signed body
 * @param deviceId the OEM's id of the device its report is about; empty when it names none (nothing of it is locked)
 */
public record WebhookDelivery(String vendor, String deliveryId, String key, WebhookPayload payload, String deviceId) {
}
