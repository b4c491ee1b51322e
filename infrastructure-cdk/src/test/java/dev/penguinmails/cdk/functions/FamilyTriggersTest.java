package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.PenguinMailsStack;
import dev.penguinmails.cdk.RepositoryLayout;
import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

class FamilyTriggersTest {

    @Test
    void aQueueThatCouldRedeliverDuringAnInvocationIsRejectedBeforeDeploy() {
        // Reuses the sample's throwaway jars; builds constructs only, no synth.
        SynthesizedStacks.sample();
        Topology topology = new Topology("mailsample", List.of(), List.of(), List.of(QueueSpec.work("slow", 10, 3)),
                "mailbus", List.of(),
                List.of(new FunctionSpec("contacts", 512, 60, Optional.empty(),
                        List.of(new QueueHandler("slow", "dev.sample.Slow", "slow", 5, 0)), List.of(),
                        new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false))));
        RepositoryLayout layout = new RepositoryLayout(SynthesizedStacks.targetDirectory().resolve("sample-repository"));
        DeploymentStage stage = new DeploymentStage("dev", topology.name(), List.of("*"));
        assertThatThrownBy(() -> new PenguinMailsStack(new App(), "bad", StackProps.builder().build(), topology, stage, layout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue slow has a visibility timeout of 10 s")
                .hasMessageContaining("60 s timeout of contacts slow");
    }
}
