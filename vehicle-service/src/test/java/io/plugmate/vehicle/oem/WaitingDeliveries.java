package io.plugmate.vehicle.oem;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.plugmate.device.WebhookBatches;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.HeldWebhookBatches;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;

/** Vehicle webhooks made to wait for one batch (test-infra's {@link HeldWebhookBatches}), and their reports. */
final class WaitingDeliveries {

    static final String SECRET = "test-only-webhook-secret-0123456789";
    static final String RECORD = HeldWebhookBatches.RECORD;

    private WaitingDeliveries() {
    }

    /** @param slots how many batches run at once ({@code plugmate.webhooks.batches.in-flight}) */
    static HeldWebhookBatches behindBusySlots(URI webhooks, WebhookBatches batches, int slots) {
        VehicleEntity blocker = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        return HeldWebhookBatches.behindBusySlots(new HeldWebhookBatches.Intake(webhooks,
                body -> WebhookSignature.header(SECRET, Instant.now().getEpochSecond(), body), batches::running,
                batches::waiting, "vehicle"), slots, blocker.id,
                seconds -> body(blocker, HeldWebhookBatches.secondsFromNow(seconds), 25 + seconds));
    }

    static String body(VehicleEntity v, Instant observedAt, double battery) {
        return """
                {"deliveryId":"d","event":"vehicle.state","vendor":"TESLA","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r-%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s","isPluggedIn":true,
                 "isCharging":true,"chargeRateKw":7.1,"batteryLevel":%s,"rangeKm":250,"chargeLimit":90,"maxCurrentA":32,
                 "location":{"latitude":59.91,"longitude":10.75}}}""".formatted(observedAt, UUID.randomUUID(),
                v.vendorVehicleId, observedAt, battery);
    }

    static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> answer) {
        return HeldWebhookBatches.answer(answer);
    }
}
