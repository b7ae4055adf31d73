package io.plugmate.messaging;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a Kafka consumer (class or {@code @Incoming} method returning {@code Uni}): a record whose handling fails for
 * any reason other than the record itself is handled again, in place, with exponential back-off bounded by
 * {@code plugmate.consumers.retry.max-delay} (30 s), for as long as it takes — never dead-lettered. Only poison
 * ({@link ConsumerFailures#isPoison}: not JSON, no envelope, wrong type, fields missing) fails through to the channel's
 * dead-letter strategy, which sends it to {@code <topic>-dlq} with {@code dead-letter-reason}.
 * <p>
 * Why the partition waits instead of moving on: a database blip, a deadlock or an OEM 5xx says nothing about the
 * record, and it would apply a moment later. Dead-lettering it would lose a valid input, and the consumers depend on
 * order (the pairing detector takes each user's inputs as produced; a lost plug-in observation corrupts pairs quietly).
 * Skipping it and going on would apply later records before it. So the records behind it wait, in order; the outage
 * shows in the log (WARN per attempt, ERROR when the failure is not a known transient one, i.e. likely a bug) and, after
 * a minute, in the channel's health (SmallRye's throttled commit strategy). Nothing is lost: once the cause clears — or
 * the bug is fixed and the service restarted — the record and everything behind it are applied.
 * <p>
 * The retry wraps the whole call, so a {@code @WithTransaction} on the same method (an inner interceptor) starts a fresh
 * transaction for each attempt.
 */
@InterceptorBinding
@Inherited
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface RetriedInPlace {
}
