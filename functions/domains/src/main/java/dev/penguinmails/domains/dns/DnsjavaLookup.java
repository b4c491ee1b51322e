package dev.penguinmails.domains.dns;

import com.google.common.net.HostAndPort;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookup} with dnsjava against recursive resolvers given as {@code host:port} (port 53 when left out).
 * Each question is one uncached query sent to the first resolver, then the next while the answer is an ERROR;
 * {@link #perResolver()} gives one lookup per resolver, to compare their answers when checking propagation.
 */
public final class DnsjavaLookup implements DnsLookup {
    /** Short, because a check asks many questions and a resolver that does not answer in time counts as ERROR. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final List<String> resolvers;
    private final List<SimpleResolver> clients;
    private final Duration timeout;
    private final AtomicLong queries = new AtomicLong();

    /** A lookup asking {@code resolvers} (each {@code host:port}, {@code [v6]:port} or {@code host}) in order. */
    public DnsjavaLookup(List<String> resolvers, Duration timeout) {
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one resolver is needed");
        }
        this.resolvers = List.copyOf(resolvers);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clients = this.resolvers.stream().map(r -> client(r, timeout)).toList();
    }

    /** A lookup asking one resolver. */
    public static DnsjavaLookup of(String resolver, Duration timeout) {
        return new DnsjavaLookup(List.of(resolver), timeout);
    }

    /** One lookup per configured resolver, each with its own query count. */
    public List<DnsjavaLookup> perResolver() {
        return resolvers.stream().map(r -> of(r, timeout)).toList();
    }

    /** The resolvers asked, as configured. */
    public List<String> resolvers() {
        return resolvers;
    }

    /** How many queries this lookup has sent (each retry on the next resolver counts). */
    public long queryCount() {
        return queries.get();
    }

    static final Function<Record, TxtRecord> TXT_DATA = r -> new TxtRecord(((TXTRecord) r).getStringsAsByteArrays()
            .stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
    static final Function<Record, MxRecord> MX_DATA =
            r -> new MxRecord(((MXRecord) r).getPriority(), relative(((MXRecord) r).getTarget()));
    static final Function<Record, String> CNAME_DATA = r -> relative(((CNAMERecord) r).getTarget());

    @Override
    public DnsAnswer<TxtRecord> txt(String name) {
        return ask(name, Type.TXT, TXT_DATA);
    }

    @Override
    public DnsAnswer<MxRecord> mx(String name) {
        return ask(name, Type.MX, MX_DATA);
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return ask(name, Type.A, r -> ((ARecord) r).getAddress());
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return ask(name, Type.AAAA, r -> ((AAAARecord) r).getAddress());
    }

    @Override
    public DnsAnswer<String> cname(String name) {
        return ask(name, Type.CNAME, CNAME_DATA);
    }

    private <T> DnsAnswer<T> ask(String name, int type, Function<Record, T> data) {
        Name question;
        try {
            question = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            return DnsAnswer.error("invalid name " + name + ": " + e.getMessage());
        }
        DnsAnswer<T> answer = null;
        for (SimpleResolver client : clients) {
            answer = askOne(client, question, type, data);
            if (answer.status() != DnsStatus.ERROR) {
                return answer;
            }
        }
        return answer;
    }

    private <T> DnsAnswer<T> askOne(SimpleResolver client, Name question, int type, Function<Record, T> data) {
        queries.incrementAndGet();
        Message response;
        try {
            response = client.send(Message.newQuery(Record.newRecord(question, type, DClass.IN)));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return DnsAnswer.error("interrupted");
            }
            return DnsAnswer.error("timeout after " + timeout.toMillis() + " ms from " + client.getAddress());
        } catch (IOException | RuntimeException e) {
            return DnsAnswer.error(e.getClass().getSimpleName() + " from " + client.getAddress() + ": " + e.getMessage());
        }
        return answer(response, type, data, client.getAddress().toString());
    }

    /** Maps a resolver's response to an answer: its rcode first, then the records of the asked type. */
    static <T> DnsAnswer<T> answer(Message response, int type, Function<Record, T> data, String from) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return DnsAnswer.nxDomain();
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.error(Rcode.string(rcode) + " from " + from);
        }
        // The answer section may hold a CNAME chain before the records of the asked type: keep only those.
        List<T> found = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record.getType() == type) {
                found.add(data.apply(record));
            }
        }
        return found.isEmpty() ? DnsAnswer.noData() : DnsAnswer.found(found);
    }

    private static SimpleResolver client(String resolver, Duration timeout) {
        HostAndPort address = HostAndPort.fromString(resolver).withDefaultPort(SimpleResolver.DEFAULT_PORT);
        try {
            SimpleResolver client = new SimpleResolver(InetAddress.getByName(address.getHost()));
            client.setPort(address.getPort());
            client.setTimeout(timeout);
            return client;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown resolver host in " + resolver, e);
        }
    }

    private static String relative(Name name) {
        String text = name.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }
}
