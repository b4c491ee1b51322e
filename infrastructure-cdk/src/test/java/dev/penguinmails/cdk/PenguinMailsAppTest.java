package dev.penguinmails.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.topology.PenguinMailsTopology;

class PenguinMailsAppTest {

    @Test
    void synthWritesTheAssemblyWithTemplateAndJarAssetToTargetCdkOut() throws IOException {
        Synthesized s = SynthesizedStacks.penguinMails();
        Path outdir = RepositoryLayout.locate().defaultOutputDirectory();
        assertThat(outdir).endsWith(Path.of("infrastructure-cdk", "target", "cdk.out"));
        assertThat(Path.of(s.synthesis().assembly().getDirectory()).toRealPath()).isEqualTo(outdir.toRealPath());

        Path template = outdir.resolve(s.synthesis().stack().getTemplateFile());
        assertThat(template).isRegularFile();
        JsonNode onDisk = new ObjectMapper().readTree(template.toFile());
        assertThat(onDisk.path("Resources").size()).isEqualTo(s.json().root().path("Resources").size());
        assertThat(outdir.resolve("manifest.json")).isRegularFile();

        // The identity jar is staged as is, byte for byte, for `cdk deploy` to upload.
        Path jar = RepositoryLayout.locate().root().resolve(
                PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow().jarPath());
        try (Stream<Path> files = Files.list(outdir)) {
            List<Path> staged = files.filter(p -> p.getFileName().toString().startsWith("asset.")
                    && p.getFileName().toString().endsWith(".jar")).toList();
            assertThat(staged).isNotEmpty().anySatisfy(p -> assertThat(Files.size(p)).isEqualTo(Files.size(jar)));
        }
    }

    @Test
    void theStackIsNamedAfterTheStageAndOutputsTheApiUrlBusAndTables() {
        Synthesized s = SynthesizedStacks.penguinMails();
        assertThat(s.stage().name()).isEqualTo(PenguinMailsApp.DEFAULT_STAGE);
        assertThat(s.synthesis().stack().getStackName()).isEqualTo("penguinmails-dev");
        JsonNode outputs = s.json().root().path("Outputs");
        assertThat(outputs.at("/ApiUrl/Value").toString()).contains("execute-api");
        assertThat(TemplateJson.referencedId(outputs.at("/EventBusName/Value"))).isEqualTo(s.json().logicalIdByName(
                "AWS::Events::EventBus", "Name", s.stage().eventBusName(s.topology().eventBus())));
        s.topology().tables().forEach(t -> assertThat(TemplateJson.referencedId(
                outputs.at("/Table" + dev.penguinmails.cdk.stage.ConstructIds.of(t.name()) + "Name/Value")))
                .isEqualTo(s.json().logicalIdByName("AWS::DynamoDB::Table", "TableName", s.stage().resourceName(t.name()))));
    }

    @Test
    void theStageContextNamesEveryResource() {
        Synthesized sample = SynthesizedStacks.sample();
        assertThat(sample.synthesis().stack().getStackName()).isEqualTo("mailsample-prod");
        assertThat(sample.allJson().stream().flatMap(t -> t.resources("AWS::Lambda::Function").values().stream()))
                .extracting(f -> f.at("/Properties/FunctionName").asText())
                .allSatisfy(name -> assertThat(name).startsWith("prod-"));
        assertThat(sample.json().resources("AWS::SQS::Queue").values())
                .extracting(q -> q.at("/Properties/QueueName").asText())
                .allSatisfy(name -> assertThat(name).startsWith("mailsample-prod-"));
    }
}
