package io.plugmate.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Oem-Signature: t=<epochSeconds>,v1=<hex(HMAC_SHA256(secret, t + "." + body))>}.
 * Signing the timestamp with the body lets receivers refuse old replays; the delivery id header lets them refuse
 * exact repeats.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Oem-Signature";
    public static final String DELIVERY_ID_HEADER = "X-Oem-Delivery-Id";
    public static final String EVENT_HEADER = "X-Oem-Event";
    public static final String VENDOR_HEADER = "X-Oem-Vendor";

    private WebhookSigner() {
    }

    public static String signatureHeader(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmacHex(secret, epochSeconds + "." + body);
    }

    public static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
