package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;

/** The PenguinMails stack. Add a table, queue, rule or function here and both runtimes get it. */
public final class PenguinMailsTopology {

    public static final String IDENTITY = "identity";

    private PenguinMailsTopology() { }

    public static Topology define() {
        return new Topology(
                "penguinmails",
                List.of(TableSpec.standard(IDENTITY)),
                List.of(new BucketSpec("imports", 30), new BucketSpec("exports", 7)),
                List.of(QueueSpec.work("identity-emails", 60, 5)),
                "penguinmails",
                List.of(new RuleSpec("identity-emails", """
                        {"source":["penguinmails.identity"],"detail-type":["account.signed_up"]}""",
                        List.of("identity-emails"))),
                List.of(identity()));
    }

    private static FunctionSpec identity() {
        return new FunctionSpec(IDENTITY, 1024, 20,
                Optional.of(HttpApiHandler.micronaut(
                        "POST /v1/signup")),
                List.of(new QueueHandler("emails", "dev.penguinmails.identity.emails.AccountEmailConsumer",
                        "identity-emails", 10, 0)),
                List.of(),
                new FunctionSpec.Access(List.of(IDENTITY), List.of(), List.of(), true, true));
    }
}
