package io.plugmate.oem;

import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the platform reaches the OEM clouds (in development: the oem-simulator). */
@ConfigMapping(prefix = "plugmate.oem")
public interface OemConfig {

    /** Each vendor's cloud lives at {@code <base-url>/<vendor>} (the simulator: http://localhost:8090/oem). */
    String baseUrl();

    /** The platform's OAuth client at the OEMs. */
    String clientId();

    String clientSecret();

    /** Our public callback URL the OEM's consent page sends the user back to. */
    String callbackUrl();

    /** AES-256 key (base64) for credentials at rest and on Kafka; from a Secret. */
    String credentialsKey();

    /** The vendors we support and which device types each offers. */
    Map<String, Vendor> vendors();

    @WithDefault("10s")
    java.time.Duration timeout();

    interface Vendor {
        Set<DeviceKind> deviceTypes();
    }

    enum DeviceKind {
        vehicle,
        charger
    }
}
