package dev.penguinmails.cdk.functions;

import java.util.List;
import java.util.Map;
import dev.penguinmails.cdk.storage.QueryDatabases;

import dev.penguinmails.cdk.messaging.DeadLetters;
import dev.penguinmails.cdk.secrets.FunctionSecrets;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The deployed resources a function family may be wired to, keyed by the topology's logical names.
 *
 * @param tableIndexes the index names of each table, so that grants name each index rather than {@code index/*}
 * @param emailConfigurationSet the SES configuration set every message is sent through
 * @param secrets the access-token key and cursor secret every family reads
 * @param deadLetters where undeliverable events and failed scheduled invocations go
 * @param databases the query-model databases, their VPC and proxies
 */
public record FamilyResources(Map<String, ITable> tables, Map<String, List<String>> tableIndexes,
                              Map<String, IBucket> buckets, Map<String, IQueue> queues,
                              IEventBus eventBus, String emailConfigurationSet, FunctionSecrets secrets,
                              DeadLetters deadLetters, QueryDatabases databases) {

    public FamilyResources {
        tables = Map.copyOf(tables);
        tableIndexes = Map.copyOf(tableIndexes);
        buckets = Map.copyOf(buckets);
        queues = Map.copyOf(queues);
    }

    ITable table(String logicalName) {
        return require(tables, logicalName, "table");
    }

    /** The ARNs of {@code logicalName}'s indexes, each named; empty for a table without indexes. */
    List<String> indexArns(String logicalName) {
        String tableArn = table(logicalName).getTableArn();
        return tableIndexes.getOrDefault(logicalName, List.of()).stream().map(i -> tableArn + "/index/" + i).toList();
    }

    IBucket bucket(String logicalName) {
        return require(buckets, logicalName, "bucket");
    }

    IQueue queue(String logicalName) {
        return require(queues, logicalName, "queue");
    }

    private static <T> T require(Map<String, T> deployed, String logicalName, String kind) {
        T resource = deployed.get(logicalName);
        if (resource == null) {
            throw new IllegalStateException("no deployed " + kind + " named '" + logicalName + "'");
        }
        return resource;
    }
}
