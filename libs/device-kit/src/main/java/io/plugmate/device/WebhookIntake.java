package io.plugmate.device;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.device.DeviceDirectory.Reported;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.oem.OemConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Verified deliveries: each recorded once (the service's {@code webhook_delivery} table) and its report applied — a
 * batch of them ({@link WebhookBatches}) in one transaction. The OEM sends every event to every receiver; other kinds'
 * are ignored.
 * <p>
 * Recorded by what was signed, not by the unsigned {@code X-Oem-Delivery-Id} header: the key is the vendor and a hash
 * of the signed body (which carries the OEM's delivery id and send time), so a retry of the same delivery is a
 * duplicate, while nobody without the vendor's secret can mark a delivery as seen before it arrives. The body's vendor
 * must be the one whose secret verified it.
 */
@ApplicationScoped
public class WebhookIntake {

    /**
     * The batch's deliveries recorded in one statement, in key order (two batches recording the same delivery wait for
     * each other in one order, never crosswise); the keys it returns are the deliveries not recorded before.
     */
    private static final NativeSelect RECORD = NativeSelect.of("""
            insert into webhook_delivery (delivery_id, vendor, received_at)
            select d.delivery_id, d.vendor, :now from unnest(cast(:keys as text[]), cast(:vendors as text[]))
              as d(delivery_id, vendor)
            order by d.delivery_id
            on conflict do nothing returning delivery_id""");

    private final ObjectMapper json;
    private final DeviceDirectory devices;
    private final OemConfig oemConfig;

    public WebhookIntake(ObjectMapper json, DeviceDirectory devices, OemConfig oemConfig) {
        this.json = json;
        this.devices = devices;
        this.oemConfig = oemConfig;
    }

    /**
     * The checks a delivery passes before anything of it is stored: a supported vendor, a delivery id, an envelope
     * that reads and names the vendor that signed it.
     *
     * @throws BadRequestProblem when it does not
     */
    public WebhookDelivery verified(String vendor, String deliveryId, byte[] body) {
        if (!oemConfig.vendors().containsKey(vendor)) {
            throw BadRequestProblem.field("vendor", "is not a supported vendor");
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128) {
            throw BadRequestProblem.field("X-Oem-Delivery-Id", "is required");
        }
        WebhookPayload payload = parse(body);
        if (payload.vendor() != null && !payload.vendor().equalsIgnoreCase(vendor)) {
            throw BadRequestProblem.field("vendor", "differs from the vendor signing it");
        }
        String deviceId = payload.report() == null ? "" : payload.report().path(devices.kind().name() + "Id").asText("");
        return new WebhookDelivery(vendor, deliveryId, vendor + ":" + sha256(body), payload, deviceId);
    }

    /**
     * Records and applies the deliveries in one transaction; any failure (a report refused, a lost connection, a
     * deadlock) rolls all of them back. Each delivery is processed as if alone: a delivery recorded before — or earlier
     * in the list — is a duplicate. The new ones are applied together ({@link DeviceDirectory#observeAll}: their devices
     * read and locked in one statement, in one order for every batch, so concurrent batches cannot deadlock on each
     * other, and their observations written in one).
     *
     * @return each delivery's {@code {deliveryId, result, <kind>sUpdated}} (e.g. {@code vehiclesUpdated}), in list order
     */
    @WithTransaction
    public Uni<List<Map<String, Object>>> accept(List<WebhookDelivery> deliveries) {
        Map<String, String> vendors = new TreeMap<>();
        deliveries.forEach(d -> vendors.put(d.key(), d.vendor()));
        return RECORD.with("keys", vendors.keySet().toArray(String[]::new))
                .with("vendors", vendors.values().toArray(String[]::new)).with("now", WallClock.now()).list()
                .chain(rows -> {
                    Set<String> unseen = new HashSet<>();
                    rows.forEach(row -> unseen.add((String) row[0]));
                    // the first of a key in the list is the new delivery, any other a duplicate
                    List<Boolean> recorded = deliveries.stream().map(d -> unseen.remove(d.key())).toList();
                    return applied(deliveries, recorded);
                });
    }

    /**
     * The new deliveries of this kind's event go to the directory together, ordered by vendor and device (a stable
     * sort: one device's keep their arrival order); duplicates and other events are answered without it.
     */
    private Uni<List<Map<String, Object>>> applied(List<WebhookDelivery> deliveries, List<Boolean> recorded) {
        List<Map<String, Object>> outcomes = new ArrayList<>(Collections.nCopies(deliveries.size(), null));
        List<Integer> observed = new ArrayList<>();
        for (int i : lockOrder(deliveries)) {
            WebhookDelivery d = deliveries.get(i);
            if (!recorded.get(i)) {
                outcomes.set(i, outcome(d.deliveryId(), "duplicate-delivery", 0));
            } else if (!observed(d)) {
                outcomes.set(i, outcome(d.deliveryId(), "ignored", 0));
            } else {
                observed.add(i);
            }
        }
        if (observed.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        List<Reported> reports = observed.stream()
                .map(i -> new Reported(deliveries.get(i).vendor(), deliveries.get(i).payload().report())).toList();
        return devices.observeAll(reports).map(updated -> {
            for (int n = 0; n < observed.size(); n++) {
                outcomes.set(observed.get(n), outcome(deliveries.get(observed.get(n)).deliveryId(), "accepted",
                        updated.get(n)));
            }
            return outcomes;
        });
    }

    /** The deliveries' positions by vendor and device; a stable sort, so one device's keep their arrival order. */
    private static int[] lockOrder(List<WebhookDelivery> deliveries) {
        return IntStream.range(0, deliveries.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> deliveries.get(i).vendor())
                        .thenComparing(i -> deliveries.get(i).deviceId()))
                .mapToInt(Integer::intValue).toArray();
    }

    private boolean observed(WebhookDelivery delivery) {
        return devices.webhookEvent().equals(delivery.payload().event());
    }

    private Map<String, Object> outcome(String deliveryId, String result, int updated) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("deliveryId", deliveryId);
        outcome.put("result", result);
        outcome.put(devices.kind().name() + "sUpdated", updated);
        return outcome;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private WebhookPayload parse(byte[] body) {
        try {
            return json.readValue(body, WebhookPayload.class);
        } catch (IOException e) {
            throw BadRequestProblem.field("body", "is not an OEM webhook payload");
        }
    }
}
