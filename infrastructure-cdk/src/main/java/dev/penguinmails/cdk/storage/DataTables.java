package dev.penguinmails.cdk.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.TableSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The topology's DynamoDB tables: on demand, point-in-time recovery on, AWS-managed encryption, TTL. */
public final class DataTables extends Construct {

    private final Map<String, ITable> byLogicalName = new LinkedHashMap<>();
    private final Map<String, List<String>> indexNames;

    public DataTables(Construct scope, String id, Topology topology, DeploymentStage stage) {
        super(scope, id);
        topology.tables().forEach(spec -> byLogicalName.put(spec.name(), table(spec, stage)));
        this.indexNames = topology.tables().stream().collect(Collectors.toUnmodifiableMap(TableSpec::name,
                spec -> spec.indexes().stream().map(TableSpec.IndexSpec::name).toList()));
    }

    /** Each table's global secondary index names, keyed by the table's logical name. */
    public Map<String, List<String>> indexNames() {
        return indexNames;
    }

    /** The deployed tables, keyed by the topology's logical name, in topology order. */
    public Map<String, ITable> byLogicalName() {
        return Collections.unmodifiableMap(byLogicalName);
    }

    private Table table(TableSpec spec, DeploymentStage stage) {
        Table table = Table.Builder.create(this, ConstructIds.of(spec.name()))
                .tableName(stage.resourceName(spec.name()))
                .partitionKey(stringKey(spec.partitionKey()))
                .sortKey(stringKey(spec.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .timeToLiveAttribute(spec.ttlAttribute())
                .removalPolicy(stage.dataRemovalPolicy())
                // In production even a deliberate `cdk destroy` must not take the data with it.
                .deletionProtection(stage.production())
                .build();
        for (TableSpec.IndexSpec index : spec.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(stringKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
