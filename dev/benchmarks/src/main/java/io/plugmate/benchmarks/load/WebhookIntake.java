package io.plugmate.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.plugmate.oem.WebhookSignature;

/**
 * Reports delivered as the OEM clouds deliver them: signed webhooks to vehicle-service ({@code /oem/tesla/webhooks})
 * and charger-service ({@code /oem/wattbox/webhooks}) for the devices {@link DeviceSeed} wrote. Sent asynchronously
 * at their due time (at most {@code MAX_IN_FLIGHT} unanswered; beyond that the generator waits, which shows as
 * "generator behind"); the answer time is measured from the due time.
 * <p>
 * With several instances of a service (issue 14 point 4), a service's report n goes to instance {@code n mod instances} of
 * those
 * running (n counted per service, shifted by one each round of the fleet), as a Kubernetes Service spreads requests,
 * so that one device's consecutive reports alternate between two instances. With
 * {@code redeliver}, a delivery that got no answer or a 5xx (an instance killed under it) is delivered again, once, to
 * the next running instance with the same signed body, as an OEM retries: the services recognise a delivery they
 * already applied by its body, so a retry never applies a report twice.
 */
final class WebhookIntake implements Intake {

    private static final int MAX_IN_FLIGHT = 512;

    private final Fleet fleet;
    private final Supplier<List<String>> vehicles;
    private final Supplier<List<String>> chargers;
    private final boolean redeliver;
    private final LongAdder redelivered = new LongAdder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Recorder answers = new Recorder(3_600_000_000L, 3);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** @param vehicleServices the running instances' base URLs, asked at every send (instances come and go) */
    WebhookIntake(Fleet fleet, Supplier<List<String>> vehicleServices, Supplier<List<String>> chargerServices,
            boolean redeliver) {
        this.fleet = fleet;
        this.vehicles = vehicleServices;
        this.chargers = chargerServices;
        this.redeliver = redeliver;
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
        Supplier<List<String>> instances = vehicle ? vehicles : chargers;
        String path = vehicle ? "/oem/tesla/webhooks" : "/oem/wattbox/webhooks";
        inFlight.acquireUninterruptibly();
        // a car's reports are the even ones, its wallbox's the odd ones: each service's own reports take turns, shifted
        // by one every round of the fleet so that a device's consecutive reports go to different instances
        long turn = n / 2 + n / 2 / fleet.households();
        deliver(instances, path, turn, delivery, bytes).thenCompose(response -> redeliver && !answered(response)
                ? redeliveredOnce(instances, path, turn + 1, delivery, bytes)
                : CompletableFuture.completedFuture(response)).whenComplete((response, error) -> {
                    inFlight.release();
                    answers.recordValue(Math.min(3_600_000_000L, Math.max(0, (System.nanoTime() - due) / 1000)));
                    if (applied(response)) {
                        accepted.increment();
                    } else {
                        failed.increment();
                    }
                });
    }

    private CompletableFuture<HttpResponse<String>> redeliveredOnce(Supplier<List<String>> instances, String path,
            long turn, String delivery, byte[] bytes) {
        redelivered.increment();
        return deliver(instances, path, turn, delivery, bytes);
    }

    /** One delivery to the instance whose turn it is; completes with null when it got no answer. */
    private CompletableFuture<HttpResponse<String>> deliver(Supplier<List<String>> instances, String path, long turn,
            String delivery, byte[] bytes) {
        List<String> running = instances.get();
        if (running.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.get((int) (turn % running.size())) + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Oem-Delivery-Id", delivery)
                .header("X-Oem-Signature", WebhookSignature.header(Stack.WEBHOOK_SECRET,
                        Instant.now().getEpochSecond(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> response);
    }

    /** An answer the OEM would not deliver again: anything below 500. */
    private static boolean answered(HttpResponse<String> response) {
        return response != null && response.statusCode() < 500;
    }

    /**
     * Applied: accepted with a device updated, or (after a redelivery) recognised as a delivery applied before — the
     * first attempt got through but its answer did not.
     */
    private static boolean applied(HttpResponse<String> response) {
        return response != null && response.statusCode() == 200 && (response.body().contains("\"accepted\"")
                && !response.body().contains("Updated\":0") || response.body().contains("duplicate-delivery"));
    }

    /** Deliveries sent a second time so far. */
    long redelivered() {
        return redelivered.sum();
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
