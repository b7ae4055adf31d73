package io.plugmate.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Secrets the services share in a real deployment through a Kubernetes Secret: the OEM client secret
 * (which the simulator must accept), the key sealing OEM credentials at rest, one webhook HMAC key per vendor
 * ({@code webhook-secret-<vendor>}: a vendor can sign only its own deliveries).
 * Generated once per machine into {@code .plugmate/dev-secrets.properties} and kept, so data sealed in
 * one run can be read in the next; never committed.
 */
final class DevSecrets {

    static final String OEM_CLIENT_SECRET = "oem-client-secret";
    static final String OEM_CREDENTIALS_KEY = "oem-credentials-key";
    /** Followed by {@code -<vendor>} in lower case. */
    static final String WEBHOOK_SECRET = "webhook-secret";
    /** The vendors the platform integrates (oem-client's {@code plugmate.oem.vendors}). */
    static final List<String> VENDORS = List.of("TESLA", "VOLTRA", "NORDAUTO", "DORMIO", "AMPERIA", "WATTBOX",
            "ZAPLINE");

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevSecrets() {
    }

    /** As placeholder values: {@code ${secrets.<name>}}. */
    static Map<String, String> loadOrCreate(Path file) {
        try {
            Properties secrets = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    secrets.load(reader);
                }
            }
            int before = secrets.size();
            secrets.putIfAbsent(OEM_CLIENT_SECRET, random(24, Base64.getUrlEncoder().withoutPadding()));
            // AES-256 key, base64 as the services' CredentialCipher reads it
            secrets.putIfAbsent(OEM_CREDENTIALS_KEY, random(32, Base64.getEncoder()));
            // the single key of earlier runs is no longer read
            boolean dropped = secrets.remove(WEBHOOK_SECRET) != null;
            for (String vendor : VENDORS) {
                secrets.putIfAbsent(webhookSecret(vendor), random(32, Base64.getUrlEncoder().withoutPadding()));
            }
            if (dropped || secrets.size() != before) {
                Files.createDirectories(file.getParent());
                try (Writer writer = Files.newBufferedWriter(file)) {
                    secrets.store(writer, "local-dev secrets of ./plugmate run; delete to regenerate");
                }
            }
            Map<String, String> values = new TreeMap<>();
            secrets.stringPropertyNames().forEach(name -> values.put("secrets." + name, secrets.getProperty(name)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** The name of a vendor's webhook secret, e.g. {@code webhook-secret-tesla}. */
    static String webhookSecret(String vendor) {
        return WEBHOOK_SECRET + "-" + vendor.toLowerCase(Locale.ROOT);
    }

    private static String random(int bytes, Base64.Encoder encoder) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return encoder.encodeToString(value);
    }
}
