package io.plugmate.simulator.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.plugmate.simulator.domain.Vendor;

/** Registered receivers, in memory. */
@Singleton
public class WebhookRegistry {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebhookSubscription> subscriptions = new ConcurrentHashMap<>();

    /** Registers a receiver; without a secret the OEM generates one (returned once, at registration). */
    public WebhookSubscription register(Vendor vendor, String clientId, String url, String secret) {
        String id = "wh_" + hex(8);
        String key = secret == null || secret.isBlank() ? "whsec_" + hex(24) : secret;
        WebhookSubscription s = new WebhookSubscription(id, vendor, clientId, url, key, Instant.now());
        subscriptions.put(id, s);
        return s;
    }

    public List<WebhookSubscription> of(Vendor vendor) {
        return subscriptions.values().stream().filter(s -> s.vendor() == vendor).toList();
    }

    public List<WebhookSubscription> of(Vendor vendor, String clientId) {
        return of(vendor).stream().filter(s -> s.clientId().equals(clientId)).toList();
    }

    public Optional<WebhookSubscription> get(Vendor vendor, String clientId, String id) {
        return Optional.ofNullable(subscriptions.get(id))
                .filter(s -> s.vendor() == vendor && s.clientId().equals(clientId));
    }

    public void delete(WebhookSubscription subscription) {
        subscriptions.remove(subscription.id());
        subscription.sender.shutdown();
    }

    @PreDestroy
    void close() {
        subscriptions.values().forEach(s -> s.sender.shutdownNow());
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
