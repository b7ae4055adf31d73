package io.plugmate.devstack;

import java.nio.file.Path;

/** {@code --root=<repo> --keycloak-home=<unpacked dist>}, as passed by the {@code ./plugmate} script. */
record Arguments(Path root, Path keycloakHome) {

    static Arguments parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        Path keycloakHome = null;
        for (String arg : args) {
            if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring("--root=".length())).toAbsolutePath();
            } else if (arg.startsWith("--keycloak-home=")) {
                keycloakHome = Path.of(arg.substring("--keycloak-home=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        if (keycloakHome == null) {
            throw new IllegalArgumentException("--keycloak-home=<dir> is required (./plugmate passes it)");
        }
        return new Arguments(root, keycloakHome);
    }
}
