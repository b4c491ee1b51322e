package dev.penguinmails.cdk;

import java.util.List;
import java.util.Optional;

import dev.penguinmails.topology.AuthorizerHandler;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.TableSpec;
import dev.penguinmails.topology.Topology;

/**
 * A richer topology than today's real one: two families, buckets with and without expiry, a rule
 * with two targets and numeric, prefix and anything-but matchers, batching windows and schedules.
 * It exercises the parts of the stack the real topology does not use yet, and an authorizer owned by
 * another family than identity with a public route beside authorized ones.
 */
public final class SampleTopology {

    /** A numeric matcher with decimals, nested detail fields and a rule with two targets. */
    public static final String CAMPAIGN_PATTERN = """
            {"source":["penguinmails.sending"],"detail-type":["campaign.launched","campaign.resumed"],
             "detail":{"recipients":[{"numeric":[">",0.5,"<=",100000]}],
                       "workspaceId":[{"prefix":"ws_"}],
                       "channel":[{"anything-but":["sms"]}],
                       "dryRun":[false]}}""";
    public static final String IMPORT_PATTERN = """
            {"source":["penguinmails.contacts"],"detail-type":["contact.import.requested"],
             "detail":{"$or":[{"rows":[{"numeric":[">=",1]}]},{"resumeToken":[{"exists":true}]}]}}""";

    private SampleTopology() { }

    public static Topology define() {
        return new Topology("mailsample",
                List.of(TableSpec.standard("sending"), TableSpec.standard("contacts")),
                List.of(new BucketSpec("imports", 30), new BucketSpec("archive", 0)),
                List.of(QueueSpec.work("sending-fan-out", 180, 3), new QueueSpec("contacts-imports", 360, 7, 86_400)),
                "mailbus",
                List.of(new RuleSpec("campaign-fan-out", CAMPAIGN_PATTERN, List.of("sending-fan-out", "contacts-imports")),
                        new RuleSpec("contact-imports", IMPORT_PATTERN, List.of("contacts-imports"))),
                List.of(sending(), contacts()));
    }

    private static FunctionSpec sending() {
        return new FunctionSpec("sending", 512, 30,
                Optional.of(HttpApiHandler.micronaut("POST /v1/campaigns", "ANY /v1/campaigns/{proxy+}")),
                List.of(new QueueHandler("fan-out", "dev.sample.sending.FanOut", "sending-fan-out", 100, 5, 20)),
                List.of(new ScheduledHandler("tick", "dev.sample.sending.Tick", "rate(1 minute)"),
                        new ScheduledHandler("roll-up", "dev.sample.sending.RollUp", "rate(1 day)")),
                new FunctionSpec.Access(List.of("sending"), List.of("archive"), List.of("contacts-imports"), true, true,
                        FunctionSpec.AccessTokens.NONE, FunctionSpec.CustomerSecrets.OPEN),
                Optional.of(new AuthorizerHandler("gatekeeper", "dev.sample.sending.Gatekeeper",
                        AuthorizerHandler.AUTHORIZATION_HEADER_SOURCE, 60)));
    }

    private static FunctionSpec contacts() {
        return new FunctionSpec("contacts", 2048, 60,
                Optional.of(HttpApiHandler.micronaut(List.of(HttpRoute.open("ANY /v1/contacts"),
                        HttpRoute.of("ANY /v1/contacts/{proxy+}")))),
                List.of(new QueueHandler("imports", "dev.sample.contacts.Imports", "contacts-imports", 5, 0)),
                List.of(),
                new FunctionSpec.Access(List.of("contacts"), List.of("imports"), List.of(), false, false));
    }
}
