package io.plugmate.simulator.webhook;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.plugmate.simulator.domain.Vendor;

/**
 * A receiver registered by an OAuth client at one vendor. It gets reports of every account that client holds a grant
 * on. Deliveries to one receiver go out one at a time, in order.
 */
public final class WebhookSubscription {

    private final String id;
    private final Vendor vendor;
    private final String clientId;
    private final String url;
    private final String secret;
    private final Instant createdAt;
    final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("webhook-", 0).factory());
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Deliveries queued but not finished; bounded so that a dead receiver cannot eat the heap. */
    final AtomicInteger pending = new AtomicInteger();

    WebhookSubscription(String id, Vendor vendor, String clientId, String url, String secret, Instant createdAt) {
        this.id = id;
        this.vendor = vendor;
        this.clientId = clientId;
        this.url = url;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String clientId() {
        return clientId;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failedCount() {
        return failed.get();
    }
}
