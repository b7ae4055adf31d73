package io.plugmate.commons.pagination;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A position in a list sorted by {@code (at, id)}: the sort key of one row. Encoded as base64url of a versioned
 * binary layout with a CRC-32C checksum, so that callers treat it as opaque and a hand-edited or truncated cursor is
 * refused as malformed instead of silently jumping elsewhere. It is not a secret: every query still filters by the
 * caller's tenant, so a forged cursor can only move within the caller's own rows.
 */
public record Cursor(Instant at, String id) {

    static final int MAX_ID_BYTES = 256;
    private static final byte VERSION = 1;
    private static final int HEADER = 1 + Long.BYTES + Integer.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Cursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("cursor id longer than " + MAX_ID_BYTES + " bytes");
        }
    }

    public String encode() {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + idBytes.length + Integer.BYTES);
        buffer.put(VERSION).putLong(at.getEpochSecond()).putInt(at.getNano()).put(idBytes);
        buffer.putInt(checksum(buffer.array(), buffer.position()));
        return ENCODER.encodeToString(buffer.array());
    }

    /** @throws InvalidCursorException when the text is not a cursor this code wrote */
    public static Cursor decode(String text) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            // the decoder ignores the unused low bits of the last character; only the canonical spelling is ours
            throw new InvalidCursorException();
        }
        if (bytes.length < HEADER + Integer.BYTES || bytes.length > HEADER + MAX_ID_BYTES + Integer.BYTES) {
            throw new InvalidCursorException();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int payloadLength = bytes.length - Integer.BYTES;
        if (buffer.getInt(payloadLength) != checksum(bytes, payloadLength) || buffer.get() != VERSION) {
            throw new InvalidCursorException();
        }
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        String id = new String(bytes, HEADER, payloadLength - HEADER, StandardCharsets.UTF_8);
        if (nanos < 0 || nanos > 999_999_999 || id.isEmpty()) {
            throw new InvalidCursorException();
        }
        try {
            return new Cursor(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
