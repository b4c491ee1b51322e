package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topology's rules and this module's registry agree: rules match sources of functions that exist (or that
 * are to come, {@link UsageEvents#PRODUCERS_TO_COME}), and any detail-type a rule names is registered and
 * published by a source the rule lets through.
 */
class RoutingTableTest {

    @Test
    void rulesRouteRealSourcesAndRegisteredTypes() throws IOException {
        Topology topology = PenguinMailsTopology.define();
        List<String> functionSources = producers(topology).stream().map(family -> "penguinmails." + family).toList();
        assertThat(topology.rules()).isNotEmpty();
        for (RuleSpec rule : topology.rules()) {
            JsonNode pattern = new ObjectMapper().readTree(rule.eventPattern());
            List<String> sources = strings(pattern.get("source"));
            assertThat(sources).as("rule %s matches on source", rule.name()).isNotEmpty();
            assertThat(functionSources).as("rule %s matches sources of existing functions", rule.name())
                    .containsAll(sources);
            for (String detailType : strings(pattern.get("detail-type"))) {
                EventType<?> type = EventTypes.byDetailType(detailType).orElse(null);
                assertThat(type).as("rule %s routes unknown detail-type %s", rule.name(), detailType).isNotNull();
                assertThat(sources).as("rule %s lets the source of %s through", rule.name(), detailType)
                        .contains(type.source());
            }
        }
    }

    @Test
    void everyEventTypeIsPublishedByAFunctionOfTheTopology() {
        List<String> families = producers(PenguinMailsTopology.define());
        assertThat(EventTypes.all()).allSatisfy(type -> assertThat(families).contains(type.producer()));
    }

    /** The families of the topology, and those whose usage events billing already consumes. */
    private static List<String> producers(Topology topology) {
        List<String> families = new ArrayList<>(topology.functions().stream().map(FunctionSpec::family).toList());
        families.addAll(UsageEvents.PRODUCERS_TO_COME);
        return families;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
