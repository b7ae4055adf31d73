package io.plugmate.oem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The service's one {@link CredentialCipher}, keyed from {@code plugmate.oem.credentials-key} (a Secret). */
class CredentialCipherProducer {

    @Produces
    @ApplicationScoped
    CredentialCipher cipher(OemConfig config) {
        return new CredentialCipher(config.credentialsKey());
    }
}
