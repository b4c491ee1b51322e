package dev.penguinmails.cdk.email;

import java.util.List;
import java.util.Map;

import dev.penguinmails.cdk.messaging.DeadLetters;
import dev.penguinmails.cdk.stage.DeploymentStage;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.EventBusProps;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.constructs.Construct;

/**
 * The SES configuration set every message goes out through, and the path its delivery events take
 * to our bus: SES publishes only to the account's default bus, so a rule there forwards this
 * configuration set's events to the custom bus, where the topology's rules pick them up.
 */
public final class SesEventPublishing extends Construct {

    /**
     * Open and click events are left out on purpose: enabling them makes SES rewrite links and add
     * its own pixel, and our tracking function already does both.
     */
    public static final List<EmailSendingEvent> PUBLISHED_EVENTS = List.of(
            EmailSendingEvent.SEND, EmailSendingEvent.REJECT, EmailSendingEvent.BOUNCE,
            EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.DELIVERY_DELAY,
            EmailSendingEvent.RENDERING_FAILURE, EmailSendingEvent.SUBSCRIPTION);

    /** The {@code source} of the events SES puts on the default bus. */
    public static final String SES_EVENT_SOURCE = "aws.ses";

    private final ConfigurationSet configurationSet;

    public SesEventPublishing(Construct scope, String id, DeploymentStage stage, IEventBus customBus,
                              DeadLetters deadLetters) {
        super(scope, id);
        String name = stage.resourceName("mail");
        this.configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .configurationSetName(name)
                .reputationMetrics(true)
                .build();
        IEventBus defaultBus = EventBus.fromEventBusName(this, "DefaultBus", "default");
        configurationSet.addEventDestination("ToEventBridge", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.eventBus(defaultBus))
                .events(PUBLISHED_EVENTS)
                .build());
        // Only this stage's configuration set: several stages may share one account's default bus.
        Rule.Builder.create(this, "ForwardToCustomBus")
                .ruleName(stage.resourceName("ses-events"))
                .description("Forwards SES events of configuration set " + name + " to the custom bus")
                .eventPattern(EventPattern.builder()
                        .source(List.of(SES_EVENT_SOURCE))
                        .detail(Map.of("mail", Map.of("tags", Map.of("ses:configuration-set", List.of(name)))))
                        .build())
                .targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(customBus,
                        EventBusProps.builder().deadLetterQueue(deadLetters.undeliveredEvents()).build())))
                .build();
    }

    /** The configuration set's name, which every send must name. */
    public String configurationSetName() {
        return configurationSet.getConfigurationSetName();
    }
}
