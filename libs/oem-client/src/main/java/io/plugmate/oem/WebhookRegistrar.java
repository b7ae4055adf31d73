package io.plugmate.oem;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Makes sure an OEM pushes its reports to our receiver, with our secret: registration is idempotent (an existing
 * registration of the same URL and secret is kept; one with another secret is replaced), so every instance may run it
 * at start-up.
 */
@ApplicationScoped
public class WebhookRegistrar {

    private static final Logger LOG = Logger.getLogger(WebhookRegistrar.class);

    private final WebClient web;
    private final OemConfig config;
    private final OemCallMetrics metrics;

    public WebhookRegistrar(Vertx vertx, OemConfig config, OemCallMetrics metrics) {
        this.web = WebClient.create(vertx);
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> ensureRegistered(String vendor, String receiverUrl, String secret) {
        String base = config.baseUrl() + "/" + vendor.toLowerCase(Locale.ROOT) + "/webhooks";
        return metrics.measure(vendor, "webhooks", () -> web.getAbs(base)
                .basicAuthentication(config.clientId(), config.clientSecret()).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new OemException(response.statusCode(), null, "listing webhooks failed", null);
                    }
                    return response.bodyAsJsonObject().getJsonArray("data");
                }))
                .chain(registered -> {
                    Uni<Void> cleanup = Uni.createFrom().voidItem();
                    for (Object entry : registered) {
                        JsonObject hook = (JsonObject) entry;
                        if (receiverUrl.equals(hook.getString("url"))) {
                            if (secret.equals(hook.getString("secret"))) {
                                return Uni.createFrom().voidItem();
                            }
                            cleanup = cleanup.chain(() -> metrics.measure(vendor, "webhooks", () -> web
                                    .deleteAbs(base + "/" + hook.getString("id"))
                                    .basicAuthentication(config.clientId(), config.clientSecret()).send()
                                    .replaceWithVoid()));
                        }
                    }
                    return cleanup.chain(() -> metrics.measure(vendor, "webhooks", () -> web.postAbs(base)
                            .basicAuthentication(config.clientId(), config.clientSecret())
                            .sendJsonObject(new JsonObject().put("url", receiverUrl).put("secret", secret))
                            .invoke(response -> {
                                if (response.statusCode() != 201) {
                                    throw new OemException(response.statusCode(), null,
                                            "webhook registration refused: " + response.bodyAsString(), null);
                                }
                                LOG.infof("registered webhook receiver %s at %s", receiverUrl, vendor);
                            }).replaceWithVoid()));
                });
    }
}
