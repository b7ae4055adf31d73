package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealsAndOpensForTheSameOwner() {
        CredentialCipher cipher = new CredentialCipher(KEY);

        String sealed = cipher.encrypt("rt_secret-refresh-token", "account-1");

        assertThat(sealed).doesNotContain("secret");
        assertThat(cipher.decrypt(sealed, "account-1")).isEqualTo("rt_secret-refresh-token");
    }

    @Test
    void sameValueSealsDifferentlyEachTime() {
        CredentialCipher cipher = new CredentialCipher(KEY);

        assertThat(cipher.encrypt("x", "a")).isNotEqualTo(cipher.encrypt("x", "a"));
    }

    @Test
    void refusesAnotherOwnerAnotherKeyAndTampering() {
        CredentialCipher cipher = new CredentialCipher(KEY);
        String sealed = cipher.encrypt("token", "account-1");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "account-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(OTHER_KEY).decrypt(sealed, "account-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes), "account-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("short", "account-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CredentialCipher("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void sealsForAnAccountAndOpensOnlyForIt() {
        CredentialCipher cipher = new CredentialCipher(KEY);
        UUID account = UUID.randomUUID();

        String sealed = cipher.seal("at_access-token", account);

        assertThat(cipher.open(sealed, account)).isEqualTo("at_access-token");
        assertThat(cipher.decrypt(sealed, account.toString())).isEqualTo("at_access-token");
        assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        // an account without a refresh token: nothing to seal, nothing to open
        assertThat(cipher.seal(null, account)).isNull();
        assertThat(cipher.open(null, account)).isNull();
    }
}
