package dev.penguinmails.sending.campaigns;

import dev.penguinmails.shared.problems.FieldError;
import java.util.List;

/** Checks that a campaign's templates can be read at all (syntax), before it is saved. */
public interface ContentRules {
    /** One error per template that cannot be parsed, with the field and where in it the problem is. */
    List<FieldError> check(CampaignDefinition definition);
}
