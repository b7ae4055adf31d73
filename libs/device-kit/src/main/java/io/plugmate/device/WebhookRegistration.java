package io.plugmate.device;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig;
import io.plugmate.oem.WebhookRegistrar;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, registers this service's receiver with every vendor that has its kind of device, when configured to. In the
 * background: an OEM that is down must not keep the service from starting; polling covers the gap.
 */
@ApplicationScoped
class WebhookRegistration {

    private static final Logger LOG = Logger.getLogger(WebhookRegistration.class);

    void onStart(@Observes StartupEvent startup, WebhookConfig webhooks, OemConfig oemConfig, OemClient oem,
            WebhookRegistrar registrar, DeviceDirectory devices) {
        if (!webhooks.registerOnStart()) {
            return;
        }
        oemConfig.vendors().keySet().stream().filter(vendor -> oem.supports(vendor, devices.kind()))
                .forEach(vendor -> webhooks.secretOf(vendor).ifPresentOrElse(
                        secret -> registrar.ensureRegistered(vendor, webhooks.publicBaseUrl() + "/oem/"
                                + vendor.toLowerCase(Locale.ROOT) + "/webhooks", secret)
                                .subscribe().with(ok -> {
                                }, failure -> LOG.warnf("webhook registration at %s failed: %s", vendor,
                                        failure.getMessage())),
                        () -> LOG.warnf("no webhook secret for %s (plugmate.webhooks.secrets.%s): its devices are only"
                                + " polled", vendor, vendor)));
    }
}
