package io.plugmate.messaging;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.plugmate.commons.consumers.ConsumerRetryConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@link RetriedInPlace}: before {@code @WithTransaction} (priority 200), so each attempt is a new transaction. Each
 * attempt starts on the Vert.x context of the record (the back-off timer fires elsewhere, and Hibernate Reactive works
 * only on that context).
 */
@RetriedInPlace
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class RetriedInPlaceInterceptor {

    private static final Logger LOG = Logger.getLogger(RetriedInPlace.class);

    private final ConsumerRetryConfig config;

    RetriedInPlaceInterceptor(ConsumerRetryConfig config) {
        this.config = config;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (!Uni.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        String consumer = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName();
        AtomicInteger failed = new AtomicInteger();
        return Uni.createFrom().deferred(() -> attempt(invocation)).runSubscriptionOn(onContext)
                .onFailure().transform(ConsumerFailures::poisonOr)
                .onFailure(ConsumerFailures::isPoison).invoke(poison -> LOG.debugf("%s: poison record for the DLQ: %s",
                        consumer, poison.getMessage()))
                .onFailure(failure -> !ConsumerFailures.isPoison(failure))
                .invoke(failure -> logRetry(consumer, failed.incrementAndGet(), failure))
                .onFailure(failure -> !ConsumerFailures.isPoison(failure)).retry()
                .withBackOff(config.firstDelay(), config.maxDelay()).withJitter(0.2).indefinitely()
                .invoke(() -> {
                    if (failed.get() > 0) {
                        LOG.infof("%s: record applied after %d failed attempt(s)", consumer, failed.get());
                    }
                });
    }

    private static Uni<?> attempt(InvocationContext invocation) {
        try {
            return (Uni<?>) invocation.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static void logRetry(String consumer, int attempt, Throwable failure) {
        if (ConsumerFailures.isTransient(failure)) {
            LOG.warnf("%s: transient failure (attempt %d), the record is retried in place: %s", consumer, attempt,
                    failure.toString());
        } else {
            LOG.errorf(failure, "%s: unexpected failure (attempt %d); the record is not poison, so it is retried in "
                    + "place and its partition waits", consumer, attempt);
        }
    }
}
