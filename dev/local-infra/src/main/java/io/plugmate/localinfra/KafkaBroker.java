package io.plugmate.localinfra;

import java.nio.file.Path;

import io.plugmate.kafka.KafkaBrokerProcess;

/** A real Kafka broker in its own JVM; see {@link KafkaBrokerProcess} for why it cannot outlive this JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaBrokerProcess process;

    private KafkaBroker(KafkaBrokerProcess process) {
        this.process = process;
    }

    /** Any free port, throwaway data. */
    public static KafkaBroker startThrowaway(Path logFile) {
        return new KafkaBroker(KafkaBrokerProcess.start(KafkaBrokerProcess.Options.throwaway(logFile)));
    }

    /** A fixed port and data that survives restarts, for local runs. */
    public static KafkaBroker startPersistent(int port, Path dataDirectory, Path logFile) {
        return new KafkaBroker(KafkaBrokerProcess.start(new KafkaBrokerProcess.Options(port, dataDirectory, logFile, "768m")));
    }

    public String bootstrapServers() {
        return process.bootstrapServers();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
