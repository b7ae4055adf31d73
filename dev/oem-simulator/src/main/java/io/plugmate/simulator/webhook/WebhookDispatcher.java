package io.plugmate.simulator.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.domain.DeviceType;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.oauth.OAuthStore;
import io.plugmate.simulator.world.PublishedReport;
import io.plugmate.simulator.world.ReportListener;

/**
 * Pushes every report to the receivers of clients holding a grant on the report's account, signed with HMAC-SHA256.
 * Failed deliveries are retried a few times with a fresh timestamp and signature but the same delivery id.
 */
@Singleton
public class WebhookDispatcher implements ReportListener {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PENDING = 10_000;

    private final WebhookRegistry registry;
    private final OAuthStore oauth;
    private final ObjectMapper mapper;
    private final SimulatorConfig.Webhooks config;
    private final HttpClient http;

    public WebhookDispatcher(WebhookRegistry registry, OAuthStore oauth, ObjectMapper mapper, SimulatorConfig config) {
        this.registry = registry;
        this.oauth = oauth;
        this.mapper = mapper;
        this.config = config.webhooks();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public void onReports(List<PublishedReport> reports) {
        for (PublishedReport published : reports) {
            ReportDelivery delivery = published.delivery();
            for (WebhookSubscription s : registry.of(delivery.report().vendor())) {
                if (oauth.hasActiveGrant(s.clientId(), published.account().id())) {
                    String deliveryId = UUID.randomUUID().toString();
                    String event = delivery.report().deviceType() == DeviceType.VEHICLE ? "vehicle.state" : "charger.state";
                    String body = json(new WebhookPayload(deliveryId, event, delivery.report().vendor(),
                            published.account().id(), delivery.deliveredAt(), delivery.report()));
                    if (s.pending.incrementAndGet() > MAX_PENDING) {
                        s.pending.decrementAndGet();
                        s.failed.incrementAndGet(); // dropped: the receiver is far behind
                        continue;
                    }
                    s.sender.execute(() -> {
                        try {
                            send(s, deliveryId, event, body);
                        } finally {
                            s.pending.decrementAndGet();
                        }
                    });
                }
            }
        }
    }

    private void send(WebhookSubscription s, String deliveryId, String event, String body) {
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                long t = System.currentTimeMillis() / 1000;
                HttpRequest request = HttpRequest.newBuilder(URI.create(s.url())).timeout(config.timeout())
                        .header("Content-Type", "application/json")
                        .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signatureHeader(s.secret(), t, body))
                        .header(WebhookSigner.DELIVERY_ID_HEADER, deliveryId)
                        .header(WebhookSigner.EVENT_HEADER, event)
                        .header(WebhookSigner.VENDOR_HEADER, s.vendor().name())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    s.delivered.incrementAndGet();
                    return;
                }
                LOG.debugf("webhook %s answered %d (attempt %d)", s.id(), status, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debugf("webhook %s unreachable (attempt %d): %s", s.id(), attempt, e.getMessage());
            }
            if (!pause(attempt)) {
                return;
            }
        }
        s.failed.incrementAndGet();
    }

    private boolean pause(int attempt) {
        try {
            Thread.sleep(config.retryBackoff().toMillis() * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String json(WebhookPayload payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize webhook payload", e);
        }
    }
}
