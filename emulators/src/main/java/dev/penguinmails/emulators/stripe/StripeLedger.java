package dev.penguinmails.emulators.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The stand-in's state: Stripe objects as Stripe's JSON (customers, products, prices, Checkout and portal sessions,
 * subscriptions, invoices) and the events their changes make. Enough of Stripe's behaviour for billing: trials,
 * proration, pending updates, failed payments and the statuses they lead to. Callers synchronize.
 */
final class StripeLedger {
    static final ObjectMapper JSON = new ObjectMapper();
    /** How far along the failed-payment path a status is, so that a renewal never moves a subscription back. */
    private static final Map<String, Integer> RANK = Map.of(
        "incomplete", 0, "trialing", 1, "active", 1, "past_due", 2, "unpaid", 3, "paused", 3, "canceled", 4, "incomplete_expired", 4
    );
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Boolean> failingCustomers = new LinkedHashMap<>();
    private final String baseUrl;
    private final Clock clock;

    StripeLedger(String baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    String newId(String prefix) {
        return prefix + "_" + String.format("%014d", sequence.incrementAndGet()) + Long.toString(System.nanoTime() % 100000L, 36);
    }

    ObjectNode get(String id) {
        return objects.get(id);
    }

    ObjectNode require(String id, String what) {
        ObjectNode o = objects.get(id);
        if (o != null && what.equals(o.path("object").asText())) {
            return o;
        } else {
            throw StripeError.missing(what, id);
        }
    }

    List<ObjectNode> all(String object, Predicate<ObjectNode> filter) {
        return objects.values().stream().filter(o -> object.equals(o.path("object").asText())).filter(filter).toList();
    }

    private ObjectNode put(ObjectNode o) {
        objects.put(o.get("id").asText(), o);
        return o;
    }

    private ObjectNode base(String prefix, String object) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", newId(prefix));
        o.put("object", object);
        o.put("livemode", false);
        o.put("created", now());
        return o;
    }

    static void metadata(ObjectNode target, FormParams params) {
        ObjectNode metadata = target.has("metadata") ? (ObjectNode)target.get("metadata") : target.putObject("metadata");
        params.child("metadata").asMap().forEach((k, v) -> {
            if (String.valueOf(v).isEmpty()) {
                metadata.remove(k);
            } else {
                metadata.put(k, String.valueOf(v));
            }
        });
    }

    ObjectNode createCustomer(FormParams p) {
        ObjectNode c = base("cus", "customer");
        c.put("email", p.get("email"));
        c.put("name", p.get("name"));
        metadata(c, p);
        return put(c);
    }

    ObjectNode createProduct(FormParams p) {
        ObjectNode product = base("prod", "product");
        if (p.get("id") != null) {
            if (objects.containsKey(p.get("id"))) {
                throw StripeError.invalid("Product already exists.", "id");
            }
            product.put("id", p.get("id"));
        }
        product.put("name", p.get("name"));
        product.put("active", !"false".equals(p.get("active")));
        metadata(product, p);
        return put(product);
    }

    ObjectNode updateProduct(String id, FormParams p) {
        ObjectNode product = require(id, "product");
        if (p.get("name") != null) {
            product.put("name", p.get("name"));
        }
        if (p.get("active") != null) {
            product.put("active", Boolean.parseBoolean(p.get("active")));
        }
        metadata(product, p);
        return product;
    }

    ObjectNode createPrice(FormParams p) {
        require(Objects.requireNonNullElse(p.get("product"), ""), "product");
        ObjectNode price = base("price", "price");
        price.put("product", p.get("product"));
        price.put("unit_amount", Long.parseLong(Objects.requireNonNullElse(p.get("unit_amount"), "0")));
        price.put("currency", p.get("currency"));
        price.put("active", true);
        price.put("type", p.has("recurring") ? "recurring" : "one_time");
        if (p.has("recurring")) {
            price.putObject("recurring").put("interval", p.child("recurring").get("interval")).put("interval_count", 1);
        }
        setLookupKey(price, p.get("lookup_key"), "true".equals(p.get("transfer_lookup_key")));
        metadata(price, p);
        return put(price);
    }

    ObjectNode updatePrice(String id, FormParams p) {
        ObjectNode price = require(id, "price");
        if (p.get("active") != null) {
            price.put("active", Boolean.parseBoolean(p.get("active")));
        }
        if (p.get("lookup_key") != null) {
            setLookupKey(price, p.get("lookup_key"), "true".equals(p.get("transfer_lookup_key")));
        }
        metadata(price, p);
        return price;
    }

    private void setLookupKey(ObjectNode price, String lookupKey, boolean transfer) {
        if (lookupKey == null) {
            price.putNull("lookup_key");
        } else {
            for (ObjectNode other : all("price", o -> lookupKey.equals(o.path("lookup_key").asText(null)))) {
                if (other != price) {
                    if (!transfer) {
                        throw StripeError.invalid("A price (" + other.get("id").asText() + ") already uses that lookup key.", "lookup_key");
                    }
                    other.putNull("lookup_key");
                }
            }
            price.put("lookup_key", lookupKey);
        }
    }

    ObjectNode createCheckoutSession(FormParams p) {
        require(Objects.requireNonNullElse(p.get("customer"), ""), "customer");
        List<FormParams> items = p.list("line_items");
        if (items.isEmpty()) {
            throw StripeError.invalid("line_items is required in subscription mode.", "line_items");
        }
        ArrayNode lines = JSON.createArrayNode();
        for (FormParams item : items) {
            require(Objects.requireNonNullElse(item.get("price"), ""), "price");
            lines.addObject().put("price", item.get("price")).put("quantity", Long.parseLong(Objects.requireNonNullElse(item.get("quantity"), "1")));
        }
        ObjectNode s = base("cs_test", "checkout.session");
        s.put("customer", p.get("customer"));
        s.put("mode", Objects.requireNonNullElse(p.get("mode"), "subscription"));
        s.put("status", "open");
        s.put("payment_status", "unpaid");
        s.put("success_url", p.get("success_url"));
        s.put("cancel_url", p.get("cancel_url"));
        s.put("client_reference_id", p.get("client_reference_id"));
        s.putNull("subscription");
        s.put("expires_at", now() + 86400L);
        s.put("url", baseUrl + "/_standin/checkout/" + s.get("id").asText());
        metadata(s, p);
        s.set("_line_items", lines);
        FormParams subscriptionData = p.child("subscription_data");
        ObjectNode data = s.putObject("_subscription_data");
        data.set("metadata", JSON.valueToTree(subscriptionData.child("metadata").asMap()));
        if (subscriptionData.get("trial_period_days") != null) {
            data.put("trial_period_days", Integer.parseInt(subscriptionData.get("trial_period_days")));
        }
        return put(s);
    }

    ObjectNode expireCheckoutSession(String id) {
        ObjectNode s = require(id, "checkout.session");
        if (!"open".equals(s.get("status").asText())) {
            throw StripeError.invalid("Only open sessions can be expired.", null);
        }
        s.put("status", "expired");
        return s;
    }

    ObjectNode completeCheckout(String id) {
        ObjectNode s = require(id, "checkout.session");
        if (!"open".equals(s.get("status").asText())) {
            throw StripeError.invalid("This Checkout Session is " + s.get("status").asText() + ".", null);
        }
        ObjectNode data = (ObjectNode)s.get("_subscription_data");
        int trialDays = data.path("trial_period_days").asInt(0);
        ObjectNode sub = base("sub", "subscription");
        sub.put("customer", s.get("customer").asText());
        sub.put("status", trialDays > 0 ? "trialing" : "active");
        sub.put("cancel_at_period_end", false);
        sub.putNull("canceled_at");
        sub.putNull("cancel_at");
        sub.putObject("cancellation_details").putNull("comment").putNull("reason").putNull("feedback");
        sub.putNull("pending_update");
        sub.set("metadata", data.get("metadata").deepCopy());
        long start = now();
        if (trialDays > 0) {
            sub.put("trial_start", start);
            sub.put("trial_end", start + trialDays * 86400L);
        } else {
            sub.putNull("trial_start");
            sub.putNull("trial_end");
        }
        ObjectNode items = sub.putObject("items");
        items.put("object", "list");
        ArrayNode itemData = items.putArray("data");
        for (JsonNode line : s.get("_line_items")) {
            ObjectNode price = require(line.get("price").asText(), "price");
            ObjectNode item = itemData.addObject();
            item.put("id", newId("si")).put("object", "subscription_item").put("subscription", sub.get("id").asText());
            item.set("price", price.deepCopy());
            item.put("quantity", line.get("quantity").asLong());
            long end = trialDays > 0 ? sub.get("trial_end").asLong() : periodEnd(start, price);
            item.put("current_period_start", start).put("current_period_end", end);
        }
        put(sub);
        ObjectNode invoice = invoiceFor(sub, trialDays > 0 ? List.of() : periodLines(sub), "subscription_create");
        pay(invoice, sub, false);
        sub.put("latest_invoice", invoice.get("id").asText());
        s.put("status", "complete");
        s.put("payment_status", trialDays > 0 ? "no_payment_required" : "paid");
        s.put("subscription", sub.get("id").asText());
        event("checkout.session.completed", s);
        event("customer.subscription.created", sub);
        event("invoice.created", invoice);
        event("invoice.paid", invoice);
        return s;
    }

    ObjectNode createPortalSession(FormParams p) {
        require(Objects.requireNonNullElse(p.get("customer"), ""), "customer");
        ObjectNode s = base("bps", "billing_portal.session");
        s.put("customer", p.get("customer"));
        s.put("return_url", p.get("return_url"));
        s.put("url", baseUrl + "/_standin/portal/" + s.get("id").asText());
        if (p.has("flow_data")) {
            s.set("flow", JSON.valueToTree(p.child("flow_data").asMap()));
        } else {
            s.putNull("flow");
        }
        return put(s);
    }

    private static long periodEnd(long start, JsonNode price) {
        ZonedDateTime from = ZonedDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        return ("year".equals(price.path("recurring").path("interval").asText()) ? from.plusYears(1L) : from.plusMonths(1L)).toEpochSecond();
    }

    List<ObjectNode> subscriptions(FormParams p) {
        String customer = p.get("customer");
        String status = Objects.requireNonNullElse(p.get("status"), "default");
        return all("subscription", s -> {
            if (customer == null || customer.equals(s.get("customer").asText())) {
                switch (status) {
                    case "all":
                        return true;
                    case "default":
                        if (!List.of("canceled", "incomplete_expired").contains(s.get("status").asText())) {
                            return true;
                        }
                        break;
                    default:
                        if (status.equals(s.get("status").asText())) {
                            return true;
                        }
                }
            }
            return false;
        });
    }

    ObjectNode updateSubscription(String id, FormParams p) {
        ObjectNode sub = require(id, "subscription");
        if ("canceled".equals(sub.get("status").asText())) {
            throw StripeError.invalid("A canceled subscription can only update its cancellation_details and metadata.", null);
        }
        metadata(sub, p);
        if (p.get("cancel_at_period_end") != null) {
            boolean cancel = Boolean.parseBoolean(p.get("cancel_at_period_end"));
            sub.put("cancel_at_period_end", cancel);
            if (cancel) {
                sub.put("cancel_at", firstItem(sub).get("current_period_end").asLong());
            } else {
                sub.putNull("cancel_at");
            }
        }
        if (p.has("cancellation_details")) {
            ((ObjectNode)sub.get("cancellation_details")).put("comment", p.child("cancellation_details").get("comment"));
        }
        List<FormParams> items = p.list("items");
        if (!items.isEmpty()) {
            String behavior = Objects.requireNonNullElse(p.get("proration_behavior"), "create_prorations");
            long prorationDate = p.get("proration_date") == null ? now() : Long.parseLong(p.get("proration_date"));
            ArrayNode newItems = changedItems(sub, items);
            List<ObjectNode> lines = "none".equals(behavior) ? List.of() : prorationLines(sub, newItems, prorationDate);
            if ("always_invoice".equals(behavior)) {
                ObjectNode invoice = invoiceFor(sub, lines, "subscription_update");
                boolean paid = pay(invoice, sub, true);
                sub.put("latest_invoice", invoice.get("id").asText());
                if (!paid && "pending_if_incomplete".equals(p.get("payment_behavior"))) {
                    ObjectNode pending = sub.putObject("pending_update");
                    pending.set("subscription_items", newItems);
                    pending.put("expires_at", now() + 82800L);
                    event("invoice.payment_failed", invoice);
                    event("customer.subscription.updated", sub);
                    return sub;
                }
                event(paid ? "invoice.paid" : "invoice.payment_failed", invoice);
            } else if (!lines.isEmpty()) {
                pendingProrations(sub).addAll(lines);
            }
            ((ObjectNode)sub.get("items")).set("data", newItems);
        }
        event("customer.subscription.updated", sub);
        return sub;
    }

    private ArrayNode pendingProrations(ObjectNode sub) {
        return sub.has("_pending_prorations") ? (ArrayNode)sub.get("_pending_prorations") : sub.putArray("_pending_prorations");
    }

    private static ObjectNode firstItem(ObjectNode sub) {
        return (ObjectNode)sub.get("items").get("data").get(0);
    }

    private ArrayNode changedItems(ObjectNode sub, List<FormParams> changes) {
        ArrayNode result = ((ArrayNode)sub.get("items").get("data")).deepCopy();
        ObjectNode first = firstItem(sub);
        for (FormParams change : changes) {
            ObjectNode target = null;
            for (JsonNode item : result) {
                if (item.get("id").asText().equals(change.get("id"))) {
                    target = (ObjectNode)item;
                }
            }
            if (change.get("id") != null && target == null) {
                throw StripeError.missing("subscription_item", change.get("id"));
            }
            if ("true".equals(change.get("deleted"))) {
                result.remove(indexOf(result, target));
            } else {
                if (target == null) {
                    target = result.addObject();
                    target.put("id", newId("si")).put("object", "subscription_item")
                        .put("subscription", sub.get("id").asText()).put("quantity", 1)
                        .put("current_period_start", first.get("current_period_start").asLong())
                        .put("current_period_end", first.get("current_period_end").asLong());
                }
                if (change.get("price") != null) {
                    target.set("price", require(change.get("price"), "price").deepCopy());
                }
                if (change.get("quantity") != null) {
                    target.put("quantity", Long.parseLong(change.get("quantity")));
                }
            }
        }
        return result;
    }

    private static int indexOf(ArrayNode array, JsonNode node) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    private List<ObjectNode> prorationLines(ObjectNode sub, ArrayNode newItems, long prorationDate) {
        List<ObjectNode> lines = new ArrayList<>();
        Map<String, JsonNode> oldById = new LinkedHashMap<>();
        sub.get("items").get("data").forEach(i -> oldById.put(i.get("id").asText(), i));
        Map<String, JsonNode> newById = new LinkedHashMap<>();
        newItems.forEach(i -> newById.put(i.get("id").asText(), i));
        ObjectNode first = firstItem(sub);
        long start = first.get("current_period_start").asLong();
        long end = first.get("current_period_end").asLong();
        double remaining = (double)Math.max(0L, end - Math.max(start, prorationDate)) / Math.max(1L, end - start);
        for (String itemId : union(oldById, newById)) {
            long oldAmount = amount(oldById.get(itemId));
            long newAmount = amount(newById.get(itemId));
            if (oldAmount != newAmount || !samePrice(oldById.get(itemId), newById.get(itemId))) {
                if (oldAmount > 0L) {
                    lines.add(line(-Math.round(oldAmount * remaining), "Unused time on " + describe(oldById.get(itemId)), true));
                }
                if (newAmount > 0L) {
                    lines.add(line(Math.round(newAmount * remaining), "Remaining time on " + describe(newById.get(itemId)), true));
                }
            }
        }
        return lines;
    }

    private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> ids = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(ids::add);
        return ids;
    }

    private static boolean samePrice(JsonNode a, JsonNode b) {
        return a != null && b != null && a.get("price").get("id").asText().equals(b.get("price").get("id").asText());
    }

    private static long amount(JsonNode item) {
        return item == null ? 0L : item.get("price").get("unit_amount").asLong() * item.get("quantity").asLong();
    }

    private static String describe(JsonNode item) {
        return item.get("quantity").asLong() + " × " + item.get("price").path("lookup_key").asText(item.get("price").get("id").asText());
    }

    private ObjectNode line(long amount, String description, boolean proration) {
        ObjectNode l = JSON.createObjectNode();
        l.put("id", newId("il")).put("object", "line_item").put("amount", amount).put("currency", "usd").put("description", description);
        l.putObject("parent").putObject("subscription_item_details").put("proration", proration);
        return l;
    }

    private List<ObjectNode> periodLines(ObjectNode sub) {
        List<ObjectNode> lines = new ArrayList<>();
        sub.get("items").get("data").forEach(i -> lines.add(line(amount(i), describe(i), false)));
        return lines;
    }

    ObjectNode cancelSubscription(String id, FormParams p) {
        ObjectNode sub = require(id, "subscription");
        if (p.has("cancellation_details")) {
            ((ObjectNode)sub.get("cancellation_details")).put("comment", p.child("cancellation_details").get("comment"));
        }
        if (!"canceled".equals(sub.get("status").asText())) {
            sub.put("status", "canceled");
            sub.put("canceled_at", now());
            ((ObjectNode)sub.get("cancellation_details")).put("reason", "cancellation_requested");
            event("customer.subscription.deleted", sub);
        }
        return sub;
    }

    private ObjectNode invoiceFor(ObjectNode sub, List<ObjectNode> lines, String reason) {
        ObjectNode invoice = base("in", "invoice");
        invoice.put("customer", sub.get("customer").asText());
        invoice.put("currency", "usd");
        invoice.put("billing_reason", reason);
        ArrayNode data = JSON.createArrayNode();
        lines.forEach(data::add);
        long total = lines.stream().mapToLong(l -> l.get("amount").asLong()).sum();
        invoice.put("subtotal", total).put("total", total).put("amount_due", Math.max(0L, total)).put("amount_paid", 0)
            .put("amount_remaining", Math.max(0L, total));
        invoice.putObject("lines").put("object", "list").set("data", data);
        invoice.put("status", "open");
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putObject("subscription_details").put("subscription", sub.get("id").asText()).set("metadata", sub.get("metadata").deepCopy());
        ObjectNode first = firstItem(sub);
        invoice.put("period_start", first.get("current_period_start").asLong());
        invoice.put("period_end", first.get("current_period_end").asLong());
        String id = invoice.get("id").asText();
        invoice.put("hosted_invoice_url", baseUrl + "/_standin/invoices/" + id);
        invoice.put("invoice_pdf", baseUrl + "/_standin/invoices/" + id + "/pdf");
        invoice.put("attempt_count", 0);
        return put(invoice);
    }

    private boolean pay(ObjectNode invoice, ObjectNode sub, boolean mayFail) {
        invoice.put("attempt_count", invoice.get("attempt_count").asInt() + 1);
        if (invoice.get("amount_due").asLong() > 0L && mayFail && failingCustomers.getOrDefault(invoice.get("customer").asText(), false)) {
            invoice.put("next_payment_attempt", now() + 259200L);
            return false;
        } else {
            invoice.put("status", "paid");
            invoice.put("amount_paid", invoice.get("amount_due").asLong()).put("amount_remaining", 0);
            invoice.putNull("next_payment_attempt");
            return true;
        }
    }

    ObjectNode previewInvoice(FormParams p) {
        String subId = p.get("subscription");
        ObjectNode sub = require(Objects.requireNonNullElse(subId, ""), "subscription");
        FormParams details = p.child("subscription_details");
        long prorationDate = details.get("proration_date") == null ? now() : Long.parseLong(details.get("proration_date"));
        String behavior = Objects.requireNonNullElse(details.get("proration_behavior"), "create_prorations");
        ArrayNode newItems = changedItems(sub, details.list("items"));
        List<ObjectNode> lines = new ArrayList<>("none".equals(behavior) ? List.of() : prorationLines(sub, newItems, prorationDate));
        ObjectNode preview = invoiceFor(sub, lines, "subscription_update");
        objects.remove(preview.get("id").asText());
        preview.put("id", "upcoming_" + preview.get("id").asText());
        preview.put("status", "draft");
        preview.put("subscription_proration_date", prorationDate);
        preview.remove("hosted_invoice_url");
        preview.remove("invoice_pdf");
        return preview;
    }

    List<ObjectNode> invoices(FormParams p) {
        String customer = p.get("customer");
        String subscription = p.get("subscription");
        List<ObjectNode> found = new ArrayList<>(
            all(
                "invoice",
                i -> (customer == null || customer.equals(i.get("customer").asText()))
                    && (subscription == null || subscription.equals(i.path("parent").path("subscription_details").path("subscription").asText()))
            )
        );
        Collections.reverse(found);
        return found;
    }

    void setPaymentsFail(String customer, boolean fail) {
        require(customer, "customer");
        failingCustomers.put(customer, fail);
    }

    ObjectNode renew(String subscriptionId) {
        ObjectNode sub = require(subscriptionId, "subscription");
        for (JsonNode item : sub.get("items").get("data")) {
            long start = item.get("current_period_end").asLong();
            ((ObjectNode)item).put("current_period_start", start).put("current_period_end", periodEnd(start, item.get("price")));
        }
        List<ObjectNode> lines = periodLines(sub);
        if (sub.has("_pending_prorations")) {
            sub.get("_pending_prorations").forEach(l -> lines.add((ObjectNode)l));
            sub.remove("_pending_prorations");
        }
        if ("trialing".equals(sub.get("status").asText())) {
            sub.put("status", "active");
        }
        ObjectNode invoice = invoiceFor(sub, lines, "subscription_cycle");
        sub.put("latest_invoice", invoice.get("id").asText());
        event("invoice.created", invoice);
        if (pay(invoice, sub, true)) {
            event("invoice.paid", invoice);
        } else {
            sub.put("status", "past_due");
            event("invoice.payment_failed", invoice);
        }
        event("customer.subscription.updated", sub);
        return invoice;
    }

    ObjectNode payInvoice(String invoiceId) {
        ObjectNode invoice = require(invoiceId, "invoice");
        ObjectNode sub = require(invoice.path("parent").path("subscription_details").path("subscription").asText(), "subscription");
        failingCustomers.put(invoice.get("customer").asText(), false);
        pay(invoice, sub, false);
        event("invoice.paid", invoice);
        if (sub.get("pending_update") != null && !sub.get("pending_update").isNull()) {
            ((ObjectNode)sub.get("items")).set("data", sub.get("pending_update").get("subscription_items"));
            sub.putNull("pending_update");
        }
        if (!"canceled".equals(sub.get("status").asText())) {
            sub.put("status", "active");
            event("customer.subscription.updated", sub);
        }
        return invoice;
    }

    ObjectNode setStatus(String subscriptionId, String status) {
        ObjectNode sub = require(subscriptionId, "subscription");
        if (!RANK.containsKey(status)) {
            throw StripeError.invalid("Unknown status " + status, "status");
        }
        sub.put("status", status);
        if ("canceled".equals(status)) {
            sub.put("canceled_at", now());
            event("customer.subscription.deleted", sub);
        } else {
            event("customer.subscription.updated", sub);
        }
        return sub;
    }

    void trialWillEnd(String subscriptionId) {
        event("customer.subscription.trial_will_end", require(subscriptionId, "subscription"));
    }

    ObjectNode event(String type, ObjectNode object) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", newId("evt"));
        e.put("object", "event");
        e.put("api_version", "2026-07-29.dahlia");
        e.put("created", now());
        e.put("livemode", false);
        e.put("type", type);
        e.put("pending_webhooks", 1);
        ObjectNode snapshot = object.deepCopy();
        snapshot.remove(List.of("_line_items", "_subscription_data", "_pending_prorations"));
        e.putObject("data").set("object", snapshot);
        e.putObject("request").putNull("id").putNull("idempotency_key");
        events.add(e);
        return e;
    }

    List<ObjectNode> events() {
        return events;
    }

    ObjectNode event(String id) {
        return events.stream().filter(e -> e.get("id").asText().equals(id)).findFirst().orElseThrow(() -> StripeError.missing("event", id));
    }

    /** {@code o} without the stand-in's own bookkeeping fields (those starting with "_"). */
    static ObjectNode visible(ObjectNode o) {
        ObjectNode copy = o.deepCopy();
        copy.remove(List.of("_line_items", "_subscription_data", "_pending_prorations"));
        return copy;
    }
}
