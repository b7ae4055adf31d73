package io.plugmate.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.plugmate.commons.problem.FieldViolation;
import io.plugmate.commons.problem.ProblemException;
import io.plugmate.commons.problem.ProblemType;

/**
 * 422: an authentic report measured further in the future than {@link ObservationConfig#futureTolerance()} allows.
 * Not a 400 (the delivery is well-formed and signed) and not a 2xx (it was not taken): the OEM's clock is wrong, and
 * sending the same report again changes nothing.
 */
public class FutureReportProblem extends ProblemException {

    public FutureReportProblem(Instant observedAt, Instant now, Duration tolerance) {
        super(ProblemType.PRECONDITION, "The report was measured in the future (observedAt " + observedAt
                + ", our clock " + now + ", at most " + tolerance + " ahead is accepted); it was not applied.",
                List.of(new FieldViolation("report.observedAt", "is further in the future than " + tolerance)),
                Map.of());
    }

    /** Whether {@code observedAt} is further ahead of {@code now} than {@code tolerance}. */
    public static boolean tooFarAhead(Instant observedAt, Instant now, Duration tolerance) {
        return observedAt.isAfter(now.plus(tolerance));
    }
}
