package io.plugmate.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.plugmate.oem.WebhookSignature;

/**
 * Reports delivered as the OEM clouds deliver them: signed webhooks to vehicle-service ({@code /oem/tesla/webhooks})
 * and charger-service ({@code /oem/wattbox/webhooks}) for the devices {@link DeviceSeed} wrote. Sent asynchronously
 * at their due time (at most {@code MAX_IN_FLIGHT} unanswered; beyond that the generator waits, which shows as
 * "generator behind"); the answer time is measured from the due time.
 */
final class WebhookIntake implements Intake {

    private static final int MAX_IN_FLIGHT = 512;

    private final Fleet fleet;
    private final String vehicles;
    private final String chargers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Recorder answers = new Recorder(3_600_000_000L, 3);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();

    WebhookIntake(Fleet fleet, String vehicleServiceUrl, String chargerServiceUrl) {
        this.fleet = fleet;
        this.vehicles = vehicleServiceUrl + "/oem/tesla/webhooks";
        this.chargers = chargerServiceUrl + "/oem/wattbox/webhooks";
    }

    @Override
    public void send(long n, long due, Instant dueInstant) {
        int h = fleet.household(n);
        long k = fleet.k(n);
        boolean plugged = fleet.plugged(k);
        boolean vehicle = k % 2 == 0;
        String delivery = UUID.randomUUID().toString();
        String body = vehicle ? vehicleBody(delivery, h, dueInstant, plugged, 20 + (k % 60))
                : chargerBody(delivery, h, dueInstant, plugged);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(vehicle ? vehicles : chargers))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Oem-Delivery-Id", delivery)
                .header("X-Oem-Signature", WebhookSignature.header(Stack.WEBHOOK_SECRET,
                        Instant.now().getEpochSecond(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        inFlight.acquireUninterruptibly();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            answers.recordValue(Math.min(3_600_000_000L, Math.max(0, (System.nanoTime() - due) / 1000)));
            if (error == null && response.statusCode() == 200 && response.body().contains("\"accepted\"")
                    && !response.body().contains("Updated\":0")) {
                accepted.increment();
            } else {
                failed.increment();
            }
        });
    }

    private static String vehicleBody(String delivery, int h, Instant at, boolean plugged, double battery) {
        return """
                {"deliveryId":"%s","event":"vehicle.state","vendor":"TESLA","accountId":"bench","deliveredAt":"%s",\
                "report":{"reportId":"%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s","isPluggedIn":%s,\
                "isCharging":%s,"chargeRateKw":%s,"batteryLevel":%s,"rangeKm":250,"chargeLimit":90,"maxCurrentA":32,\
                "location":null}}""".formatted(delivery, at, delivery, DeviceSeed.vendorVehicleId(h), at, plugged,
                plugged, plugged ? 7.1 : 0.0, battery);
    }

    private static String chargerBody(String delivery, int h, Instant at, boolean plugged) {
        return """
                {"deliveryId":"%s","event":"charger.state","vendor":"WATTBOX","accountId":"bench","deliveredAt":"%s",\
                "report":{"reportId":"%s","chargerId":"%s","vendor":"WATTBOX","observedAt":"%s","isPluggedIn":%s,\
                "isCharging":%s,"chargeRateKw":%s,"maxCurrentA":32,"energyMeterKwh":1234.5}}""".formatted(delivery,
                at, delivery, DeviceSeed.vendorChargerId(h), at, plugged, plugged, plugged ? 7.4 : 0.0);
    }

    @Override
    public void flush() {
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
    }

    @Override
    public long accepted() {
        return accepted.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    @Override
    public Histogram answers() {
        return answers.getIntervalHistogram();
    }

    @Override
    public void close() {
        http.close();
    }
}
