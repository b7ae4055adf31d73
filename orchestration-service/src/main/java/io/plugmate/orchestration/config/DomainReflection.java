package io.plugmate.orchestration.config;

import io.plugmate.orchestration.domain.Check;
import io.plugmate.orchestration.domain.CurrentSetting;
import io.plugmate.orchestration.domain.Plan;
import io.plugmate.orchestration.domain.RouteOption;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The domain's records that Jackson writes (the plan column and GET /actions/{id}/plan), also in a native image. */
@RegisterForReflection(targets = { Plan.class, Plan.Watch.class, Plan.Decision.class, Plan.Step.class,
        Plan.Result.class, Plan.Observation.class, Plan.Transition.class, Check.class, RouteOption.class,
        CurrentSetting.class })
public final class DomainReflection {

    private DomainReflection() {
    }
}
