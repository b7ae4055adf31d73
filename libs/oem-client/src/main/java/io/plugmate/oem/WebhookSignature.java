package io.plugmate.oem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code X-Oem-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256(secret, t + "." + rawBody)>}: the signature
 * must match in constant time and {@code t} must be within the tolerance of our clock, so a captured request cannot
 * be replayed later (replays inside the window are caught by the delivery id).
 */
public final class WebhookSignature {

    public enum Verdict {
        VALID,
        MALFORMED,
        MISMATCH,
        STALE
    }

    private WebhookSignature() {
    }

    public static Verdict verify(String header, byte[] rawBody, String secret, Instant now, Duration tolerance) {
        if (header == null) {
            return Verdict.MALFORMED;
        }
        Long timestamp = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return Verdict.MALFORMED;
            }
            switch (kv[0]) {
                case "t" -> timestamp = parseLong(kv[1]);
                case "v1" -> v1 = kv[1];
                default -> {
                    // later schemes (v2 …) are ignored, as their senders also send v1
                }
            }
        }
        if (timestamp == null || v1 == null || !v1.matches("[0-9a-f]{64}")) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sign(secret, timestamp, rawBody);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1))) {
            return Verdict.MISMATCH;
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        return skew > tolerance.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }

    /** The sender's side, for tests and tools. */
    public static String header(String secret, long epochSeconds, byte[] rawBody) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(sign(secret, epochSeconds, rawBody));
    }

    private static byte[] sign(String secret, long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
