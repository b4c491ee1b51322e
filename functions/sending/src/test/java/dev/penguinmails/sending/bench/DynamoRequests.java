package dev.penguinmails.sending.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts the DynamoDB requests a benchmark makes, by operation (Query, GetItem, Scan...), and the items they read,
 * as the SDK sees them (one count per API call, retries not counted twice). Benchmarks only.
 */
public final class DynamoRequests implements ExecutionInterceptor {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder itemsRead = new LongAdder();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
        Object response = context.response();
        if (response instanceof QueryResponse q) {
            itemsRead.add(q.count() == null ? 0 : q.count());
        } else if (response instanceof GetItemResponse g) {
            itemsRead.add(g.hasItem() && !g.item().isEmpty() ? 1 : 0);
        } else if (response instanceof BatchGetItemResponse b) {
            b.responses().values().forEach(items -> itemsRead.add(items.size()));
        } else if (response instanceof ScanResponse s) {
            itemsRead.add(s.count() == null ? 0 : s.count());
        }
    }

    /** Requests by operation since the last reset, sorted by name. */
    public Map<String, Long> byOperation() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((op, n) -> out.put(op, n.sum()));
        return out;
    }

    public long total() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String operation) {
        LongAdder n = calls.get(operation);
        return n == null ? 0 : n.sum();
    }

    public long itemsRead() {
        return itemsRead.sum();
    }

    public void reset() {
        calls.clear();
        itemsRead.reset();
    }
}
