package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.Topology;

class FamilyTriggersTest {

    @Test
    void aQueueThatCouldRedeliverDuringAnInvocationIsRejectedBeforeDeploy() {
        // The topology refuses it before any construct exists, for CDK and the local stack alike.
        assertThatThrownBy(() -> new Topology("mailsample", List.of(), List.of(), List.of(QueueSpec.work("slow", 10, 3)),
                "mailbus", List.of(),
                List.of(new FunctionSpec("contacts", 512, 60, Optional.empty(),
                        List.of(new QueueHandler("slow", "dev.sample.Slow", "slow", 5, 0)), List.of(),
                        new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue slow has a visibility timeout of 10 s")
                .hasMessageContaining("contacts slow has a timeout of 60 s, so it needs at least 360 s");
    }
}
