package io.plugmate.charger.oem;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.WebhookBatches;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.HeldWebhookBatches;

/** Charger webhooks made to wait for one batch (test-infra's {@link HeldWebhookBatches}), and their reports. */
final class WaitingDeliveries {

    static final String SECRET = "test-only-webhook-secret-0123456789";
    static final String RECORD = HeldWebhookBatches.RECORD;

    private WaitingDeliveries() {
    }

    /** @param slots how many batches run at once ({@code plugmate.webhooks.batches.in-flight}) */
    static HeldWebhookBatches behindBusySlots(URI webhooks, WebhookBatches batches, int slots) {
        ChargerEntity blocker = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        return HeldWebhookBatches.behindBusySlots(new HeldWebhookBatches.Intake(webhooks,
                body -> WebhookSignature.header(SECRET, Instant.now().getEpochSecond(), body), batches::running,
                batches::waiting, "charger"), slots, blocker.id,
                seconds -> body(blocker, HeldWebhookBatches.secondsFromNow(seconds), true, 25 + seconds));
    }

    static String body(ChargerEntity c, Instant observedAt, boolean plugged, double meter) {
        return """
                {"deliveryId":"d","event":"charger.state","vendor":"EASEE","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r","chargerId":"%s","vendor":"EASEE","observedAt":"%s","isPluggedIn":%s,
                 "isCharging":%s,"chargeRateKw":7,"maxCurrentA":16,"energyMeterKwh":%s}}"""
                .formatted(observedAt, c.vendorChargerId, observedAt, plugged, plugged, meter);
    }

    static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> answer) {
        return HeldWebhookBatches.answer(answer);
    }
}
