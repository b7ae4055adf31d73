package io.plugmate.charger.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemConfig;

class CipherProducer {

    @Produces
    @ApplicationScoped
    CredentialCipher cipher(OemConfig config) {
        return new CredentialCipher(config.credentialsKey());
    }
}
