package dev.penguinmails.shared.aws;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** Enables a bean only in a deployed function ({@link Stages#deployed}): e.g. the checks that load secrets at startup. */
public final class DeployedStageCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return Stages.deployed(context);
    }
}
