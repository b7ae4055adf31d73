package io.plugmate.devstack;

import java.nio.file.Path;

/**
 * Where things are on disk. All local state lives under {@code .plugmate/} (git-ignored), so deleting
 * that one folder resets the stack.
 */
public record Layout(Path root) {

    public Layout {
        root = root.toAbsolutePath().normalize();
    }

    public Path state() {
        return root.resolve(".plugmate");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path postgresData() {
        return state().resolve("postgres");
    }

    public Path kafkaData() {
        return state().resolve("kafka");
    }

    public Path realmFile() {
        return root.resolve("dev/dev-stack/keycloak/plugmate-realm.json");
    }
}
