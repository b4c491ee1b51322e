"""Verifies the DKIM signature of the message on stdin with dkimpy, taking keys from the DNS server on
127.0.0.1:<port> (argv[1]). Prints "pass" and exits 0, or prints why and exits 1. Needs Debian's python3-dkim
and python3-dnspython (run with /usr/bin/python3)."""
import sys

import dkim
import dns.message
import dns.query
import dns.rdatatype

PORT = int(sys.argv[1])


def dnsfunc(name, timeout=5):
    if isinstance(name, bytes):
        name = name.decode("ascii")
    query = dns.message.make_query(name, dns.rdatatype.TXT)
    answer = dns.query.tcp(query, "127.0.0.1", port=PORT, timeout=timeout)
    for rrset in answer.answer:
        if rrset.rdtype == dns.rdatatype.TXT:
            for rdata in rrset:
                return b"".join(rdata.strings)
    return None


message = sys.stdin.buffer.read()
try:
    ok = dkim.DKIM(message).verify(dnsfunc=dnsfunc)
except dkim.DKIMException as e:
    print("fail: " + str(e))
    sys.exit(1)
print("pass" if ok else "fail: signature does not verify")
sys.exit(0 if ok else 1)
