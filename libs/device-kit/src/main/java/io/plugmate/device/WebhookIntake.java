package io.plugmate.device;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A verified delivery: recorded once (the service's {@code webhook_delivery} table), and its report applied — all in
 * one transaction. The OEM sends every event to every receiver; other kinds' are ignored.
 * <p>
 * Recorded by what was signed, not by the unsigned {@code X-Oem-Delivery-Id} header: the key is the vendor and a hash
 * of the signed body (which carries the OEM's delivery id and send time), so a retry of the same delivery is a
 * duplicate, while nobody without the vendor's secret can mark a delivery as seen before it arrives. The body's vendor
 * must be the one whose secret verified it.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final String RECORD = """
            insert into webhook_delivery (delivery_id, vendor, received_at) values (:id, :vendor, :now)
            on conflict do nothing""";

    private final ObjectMapper json;
    private final DeviceDirectory devices;
    private final OemConfig oemConfig;

    public WebhookIntake(ObjectMapper json, DeviceDirectory devices, OemConfig oemConfig) {
        this.json = json;
        this.devices = devices;
        this.oemConfig = oemConfig;
    }

    /** @return {@code {deliveryId, result, <kind>sUpdated}}, e.g. {@code vehiclesUpdated} */
    @WithTransaction
    public Uni<Map<String, Object>> accept(String vendor, String deliveryId, byte[] body) {
        if (!oemConfig.vendors().containsKey(vendor)) {
            return Uni.createFrom().failure(BadRequestProblem.field("vendor", "is not a supported vendor"));
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128) {
            return Uni.createFrom().failure(BadRequestProblem.field("X-Oem-Delivery-Id", "is required"));
        }
        WebhookPayload payload = parse(body);
        if (payload.vendor() != null && !payload.vendor().equalsIgnoreCase(vendor)) {
            return Uni.createFrom().failure(BadRequestProblem.field("vendor", "differs from the vendor signing it"));
        }
        Instant now = WallClock.now();
        String key = vendor + ":" + sha256(body);
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("id", key)
                .setParameter("vendor", vendor).setParameter("now", now).executeUpdate())
                .chain(first -> {
                    if (first == 0) {
                        return Uni.createFrom().item(outcome(deliveryId, "duplicate-delivery", 0));
                    }
                    if (!devices.webhookEvent().equals(payload.event())) {
                        return Uni.createFrom().item(outcome(deliveryId, "ignored", 0));
                    }
                    return devices.observe(vendor, payload.report())
                            .map(updated -> outcome(deliveryId, "accepted", updated));
                });
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
