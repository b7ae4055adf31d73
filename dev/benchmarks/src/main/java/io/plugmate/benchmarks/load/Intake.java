package io.plugmate.benchmarks.load;

import org.HdrHistogram.Histogram;

/** Where the benchmark's reports enter the platform: straight onto the topics, or the device services' webhooks. */
interface Intake extends AutoCloseable {

    /** Sends the fleet's report {@code n}, due at {@code due} (nanoTime) and carrying that as its event time. */
    void send(long n, long due, java.time.Instant dueInstant);

    /** Waits for what was sent to be answered. */
    void flush();

    /** Reports accepted so far (acknowledged by the broker, or answered 200 by a webhook). */
    long accepted();

    long failed();

    /** Time from due to answer of the reports since the last call (µs); null where it is not measured. */
    Histogram answers();

    @Override
    void close();
}
