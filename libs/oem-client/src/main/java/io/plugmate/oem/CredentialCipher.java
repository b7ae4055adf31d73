package io.plugmate.oem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for OEM credentials at rest and in transit on Kafka (architecture §3). Each value gets a fresh 96-bit
 * nonce; the associated data binds a ciphertext to its owner (e.g. the account id), so a ciphertext copied onto
 * another row does not decrypt.
 */
public final class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 — from a Secret, never from the repository */
    public CredentialCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("credentials key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("credentials key must be 32 bytes (AES-256), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** An OEM account's credential, sealed for that account (its id is the associated data); null stays null. */
    public String seal(String credential, UUID accountId) {
        return credential == null ? null : encrypt(credential, accountId.toString());
    }

    /**
     * Opens what {@link #seal} sealed for the account; null stays null.
     *
     * @throws IllegalArgumentException when it was sealed for another account or key, or tampered with
     */
    public String open(String sealed, UUID accountId) {
        return sealed == null ? null : decrypt(sealed, accountId.toString());
    }

    /** @throws IllegalArgumentException when the value was tampered with, or sealed for another owner or key */
    public String decrypt(String sealed, String associatedData) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("credential cannot be decrypted");
        }
    }
}
