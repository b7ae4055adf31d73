package io.plugmate.oem;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Every call to an OEM cloud, as an operator watches it (issue 14 point 5): {@code plugmate.oem.calls} (a timer, so
 * Prometheus gets {@code plugmate_oem_calls_seconds_count} and {@code _sum}) tagged with the vendor, the operation
 * ({@code token}, {@code devices}, {@code state}, {@code command}, {@code webhooks} …) and the outcome: {@code success},
 * {@code refused} (a 4xx: the OEM said no), {@code throttled} (429), {@code server-error} (5xx), {@code timeout}, or
 * {@code unreachable} (no answer at all). A vendor that throttles or fails shows in one query, before users notice.
 * {@link OemClient} and {@link WebhookRegistrar} pass every request through here.
 */
@ApplicationScoped
public class OemCallMetrics {

    static final String NAME = "plugmate.oem.calls";

    private final MeterRegistry registry;

    public OemCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code call} (subscribed lazily) and records its duration and outcome. */
    public <T> Uni<T> measure(String vendor, String operation, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return Uni.createFrom().<T> deferred(call)
                    .onItemOrFailure().invoke((item, failure) -> record(vendor, operation, outcome(failure),
                            System.nanoTime() - started));
        });
    }

    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof OemException oem) {
            return oem.status() == 429 ? "throttled" : oem.status() / 100 == 4 ? "refused" : "server-error";
        }
        return NoAnswer.timedOut(failure) ? "timeout" : "unreachable";
    }

    private void record(String vendor, String operation, String outcome, long nanos) {
        Timer.builder(NAME).description("Calls to the OEM clouds by vendor, operation and outcome")
                .tag("vendor", vendor.toUpperCase(Locale.ROOT)).tag("operation", operation).tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
