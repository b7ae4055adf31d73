package io.plugmate.charger.oem;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.service.ChargerService;
import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.oem.OemConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A verified delivery: recorded once by delivery id, and its report applied — all in one transaction. */
@ApplicationScoped
public class WebhookIntake {

    public record Outcome(String deliveryId, String result, int chargersUpdated) {
    }

    private static final String RECORD = """
            insert into webhook_delivery (delivery_id, vendor, received_at) values (:id, :vendor, :now)
            on conflict do nothing""";

    private final ObjectMapper json;
    private final Observations observations;
    private final OemConfig oemConfig;

    public WebhookIntake(ObjectMapper json, Observations observations, OemConfig oemConfig) {
        this.json = json;
        this.observations = observations;
        this.oemConfig = oemConfig;
    }

    @WithTransaction
    public Uni<Outcome> accept(String vendor, String deliveryId, byte[] body) {
        if (!oemConfig.vendors().containsKey(vendor)) {
            return Uni.createFrom().failure(BadRequestProblem.field("vendor", "is not a supported vendor"));
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128) {
            return Uni.createFrom().failure(BadRequestProblem.field("X-Oem-Delivery-Id", "is required"));
        }
        WebhookPayload payload = parse(body);
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("id", deliveryId)
                .setParameter("vendor", vendor).setParameter("now", ChargerService.now()).executeUpdate())
                .chain(first -> {
                    if (first == 0) {
                        return Uni.createFrom().item(new Outcome(deliveryId, "duplicate-delivery", 0));
                    }
                    if (!"charger.state".equals(payload.event())) {
                        // vehicles' reports are vehicle-service's; the OEM sends every event to every receiver
                        return Uni.createFrom().item(new Outcome(deliveryId, "ignored", 0));
                    }
                    return observations.apply(vendor, report(payload))
                            .map(updated -> new Outcome(deliveryId, "accepted", updated));
                });
    }

    private WebhookPayload parse(byte[] body) {
        try {
            return json.readValue(body, WebhookPayload.class);
        } catch (IOException e) {
            throw BadRequestProblem.field("body", "is not an OEM webhook payload");
        }
    }

    private ChargerReport report(WebhookPayload payload) {
        try {
            ChargerReport report = json.treeToValue(payload.report(), ChargerReport.class);
            if (report == null || report.chargerId() == null || report.observedAt() == null) {
                throw BadRequestProblem.field("report", "needs chargerId and observedAt");
            }
            return report;
        } catch (IOException e) {
            throw BadRequestProblem.field("report", "is not a charger report");
        }
    }
}
