// An authoritative DNS server on 127.0.0.1 for the zones it is given, over UDP and TCP on one port,
// with a small HTTP control API to replace, read and remove zones. Built on the npm package dns2.
// Usage: node local-dns.js <dns2 module dir> <dns port, 0 for any> <control port, 0 for any>
const http = require('node:http');
const net = require('node:net');
const [modulePath, dnsPortArg, controlPortArg] = process.argv.slice(2);
const dns2 = require(modulePath);
const { Packet } = dns2;

const HOST = '127.0.0.1';
const TYPES = ['A', 'AAAA', 'TXT', 'MX', 'CNAME', 'NS'];
const NAME_VALUED = ['MX', 'CNAME', 'NS'];
const DEFAULT_TTL = 300;
const NEGATIVE_TTL = 60;
const MAX_CNAME_HOPS = 8;
// What we offer EDNS clients: the payload size recommended to avoid IP fragmentation (DNS flag day 2020).
const EDNS_PAYLOAD = 1232;

/** Zone name (lower case, with the root dot) -> its records, as normalised by parseRecords. */
const zones = new Map();

function fqdn(name) {
  const lower = String(name).trim().toLowerCase();
  return lower.endsWith('.') ? lower : lower + '.';
}

function inZone(name, zone) {
  return name === zone || name.endsWith('.' + zone);
}

function validName(name) {
  const labels = name.slice(0, -1).split('.');
  return name.length <= 254 && labels.every(l => l.length >= 1 && l.length <= 63);
}

/** The records of a PUT body, normalised, or an Error saying which record is wrong and why. */
function parseRecords(zone, body) {
  if (!Array.isArray(body)) {
    throw new Error('the body must be a JSON array of records');
  }
  const records = body.map((input, i) => parseRecord(zone, input, `record ${i}`));
  for (const cname of records.filter(r => r.type === 'CNAME')) {
    if (records.filter(r => r.name === cname.name).length > 1) {
      throw new Error(`${cname.name} has a CNAME, so it can have no other record (RFC 1034 3.6.2)`);
    }
  }
  return records;
}

function parseRecord(zone, input, where) {
  if (input === null || typeof input !== 'object') {
    throw new Error(`${where} is not an object`);
  }
  const type = String(input.type || '').toUpperCase();
  if (!TYPES.includes(type)) {
    throw new Error(`${where} has type ${JSON.stringify(input.type)}; the types served are ${TYPES.join(', ')}`);
  }
  if (typeof input.name !== 'string' || !validName(fqdn(input.name))) {
    throw new Error(`${where} has no valid name`);
  }
  const name = fqdn(input.name);
  if (!inZone(name, zone)) {
    throw new Error(`${where}: ${name} is not inside the zone ${zone}`);
  }
  const ttl = input.ttl === undefined || input.ttl === null ? DEFAULT_TTL : input.ttl;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 0x7fffffff) {
    throw new Error(`${where} (${name}) has an invalid ttl ${JSON.stringify(input.ttl)}`);
  }
  const values = input.values;
  if (!Array.isArray(values) || values.length === 0 || !values.every(v => typeof v === 'string')) {
    throw new Error(`${where} (${name}) needs "values", a non-empty list of strings`);
  }
  const record = { name, type, ttl, values: values.slice() };
  if (type === 'TXT') {
    const long = values.find(v => Buffer.byteLength(v, 'utf8') > 255);
    if (long !== undefined) {
      throw new Error(`${where} (${name}) has a TXT string of ${Buffer.byteLength(long, 'utf8')} bytes; `
        + 'split it into strings of at most 255 bytes');
    }
    return record;
  }
  if (values.length !== 1) {
    throw new Error(`${where} (${name}) is ${type}, which takes exactly one value`);
  }
  if ((type === 'A' && !net.isIPv4(values[0])) || (type === 'AAAA' && !net.isIPv6(values[0]))) {
    throw new Error(`${where} (${name}) has an invalid ${type} address ${JSON.stringify(values[0])}`);
  }
  if (type === 'MX' && values[0] === '.') {
    // A null MX (RFC 7505): the root as exchange says the domain takes no mail.
    record.values = ['.'];
  } else if (NAME_VALUED.includes(type)) {
    record.values = [fqdn(values[0])];
    if (!validName(record.values[0])) {
      throw new Error(`${where} (${name}) points at an invalid name ${JSON.stringify(values[0])}`);
    }
  }
  if (type === 'MX') {
    if (!Number.isInteger(input.priority) || input.priority < 0 || input.priority > 65535) {
      throw new Error(`${where} (${name}) is MX and needs a priority from 0 to 65535`);
    }
    record.priority = input.priority;
  }
  return record;
}

function zoneOf(name) {
  let best = null;
  for (const zone of zones.keys()) {
    if (inZone(name, zone) && (best === null || zone.length > best.length)) {
      best = zone;
    }
  }
  return best;
}

/** A name exists when it owns a record or is an ancestor of one (an empty non-terminal, RFC 8020). */
function exists(zone, name) {
  return name === zone || zones.get(zone).some(r => inZone(r.name, name));
}

// Every zone has an SOA at its apex, as a real zone does; negative answers carry it for caching (RFC 2308).
function soa(zone) {
  return {
    name: zone, type: Packet.TYPE.SOA, class: Packet.CLASS.IN, ttl: NEGATIVE_TTL,
    primary: 'ns.' + zone, admin: 'hostmaster.' + zone,
    serial: 1, refresh: 3600, retry: 600, expiration: 86400, minimum: NEGATIVE_TTL,
  };
}

function resource(owner, record) {
  const base = { name: owner, type: Packet.TYPE[record.type], class: Packet.CLASS.IN, ttl: record.ttl };
  switch (record.type) {
    case 'A':
    case 'AAAA': return { ...base, address: record.values[0] };
    case 'TXT': return { ...base, data: record.values };
    case 'MX': return { ...base, exchange: record.values[0] === '.' ? '' : record.values[0], priority: record.priority };
    case 'CNAME': return { ...base, domain: record.values[0] };
    case 'NS': return { ...base, ns: record.values[0] };
    default: throw new Error('unsupported type ' + record.type);
  }
}

function matches(record, qtype) {
  return qtype === Packet.TYPE.ANY || Packet.TYPE[record.type] === qtype;
}

/** Fills in the answer to one question as an authoritative server for our zones would. */
function answer(question, response) {
  const qtype = question.type;
  let name = fqdn(question.name);
  let owner = question.name;
  if (zoneOf(name) === null) {
    // Not ours, and we do not recurse: a checker must be able to tell "unknown" from "absent".
    response.header.rcode = Packet.RCODE.REFUSED;
    return;
  }
  response.header.aa = 1;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const zone = zoneOf(name);
    if (zone === null) {
      return; // the alias leads out of our zones; the client follows it elsewhere
    }
    const records = zones.get(zone).filter(r => r.name === name);
    const cname = records.find(r => r.type === 'CNAME');
    if (cname && qtype !== Packet.TYPE.CNAME && qtype !== Packet.TYPE.ANY) {
      response.answers.push(resource(owner, cname));
      name = cname.values[0];
      owner = name;
      continue;
    }
    const found = records.filter(r => matches(r, qtype)).map(r => resource(owner, r));
    if (name === zone && (qtype === Packet.TYPE.SOA || qtype === Packet.TYPE.ANY)) {
      found.push({ ...soa(zone), name: owner });
    }
    if (found.length > 0) {
      response.answers.push(...found);
      return;
    }
    if (!exists(zone, name)) {
      response.header.rcode = Packet.RCODE.NXDOMAIN;
    }
    response.authorities.push(soa(zone));
    return;
  }
}

function handle(request, send) {
  const response = Packet.createResponseFromRequest(request);
  const question = request.questions[0];
  try {
    if (request.header.opcode !== 0) {
      response.header.rcode = Packet.RCODE.NOTIMP;
    } else if (request.questions.length !== 1) {
      response.header.rcode = Packet.RCODE.FORMERR;
    } else {
      answer(question, response);
    }
  } catch (e) {
    console.log('query failed: %s', e.stack);
    response.answers = [];
    response.authorities = [];
    response.header.rcode = Packet.RCODE.SERVFAIL;
  }
  // A client that speaks EDNS learns that we do too, and how large a UDP answer we send before truncating.
  if ((request.additionals || []).some(r => r && r.type === Packet.TYPE.EDNS)) {
    response.additionals.push(Packet.Resource.EDNS([], { udpPayloadSize: EDNS_PAYLOAD }));
  }
  if (question) {
    console.log('query %s %s -> rcode %d, %d answer(s)', Packet.typeName(question.type), question.name,
      response.header.rcode, response.answers.length);
  }
  send(response);
}

function listen(server, port, bind) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    bind(() => {
      server.removeListener('error', reject);
      resolve(server);
    });
  });
}

/** TCP and UDP on the same port; with port 0 the OS picks the TCP port, and we retry if its UDP twin is taken. */
async function startDns(port) {
  for (let attempt = 1; ; attempt++) {
    const tcp = dns2.createTCPServer(handle);
    await listen(tcp, port, done => tcp.listen(port, HOST, done));
    const chosen = tcp.address().port;
    const udp = dns2.createUDPServer(handle);
    try {
      await listen(udp, chosen, done => udp.bind(chosen, HOST, done));
      return chosen;
    } catch (e) {
      tcp.close();
      if (port !== 0 || attempt >= 20) {
        throw e;
      }
    }
  }
}

function reply(res, status, body) {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function control(req, res, dnsPort) {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (path === '/health') {
    return reply(res, 200, { status: 'UP', dnsPort, zones: [...zones.keys()].sort() });
  }
  const match = /^\/zones\/([^/]+)$/.exec(path);
  if (!match) {
    return reply(res, 404, { error: `no control endpoint at ${path}; there are GET /health and PUT, GET, DELETE /zones/{zone}` });
  }
  const zone = fqdn(decodeURIComponent(match[1]));
  if (!validName(zone)) {
    return reply(res, 400, { error: `${match[1]} is not a valid zone name` });
  }
  if (req.method === 'PUT') {
    let records;
    try {
      records = parseRecords(zone, JSON.parse(await readBody(req)));
    } catch (e) {
      return reply(res, 400, { error: `zone ${zone}: ${e.message}` });
    }
    zones.set(zone, records);
    return reply(res, 200, records);
  }
  if (req.method === 'GET' || req.method === 'DELETE') {
    if (!zones.has(zone)) {
      return reply(res, 404, { error: `there is no zone ${zone}` });
    }
    if (req.method === 'GET') {
      return reply(res, 200, zones.get(zone));
    }
    zones.delete(zone);
    return reply(res, 204);
  }
  res.setHeader('Allow', 'GET, PUT, DELETE');
  return reply(res, 405, { error: `${path} accepts GET, PUT and DELETE` });
}

async function main() {
  const dnsPort = await startDns(Number(dnsPortArg));
  const server = http.createServer((req, res) => {
    control(req, res, dnsPort).catch(e => reply(res, 500, { error: e.message }));
  });
  await listen(server, Number(controlPortArg), done => server.listen(Number(controlPortArg), HOST, done));
  console.log('LocalDns ready: control http://%s:%d dns %s:%d udp+tcp', HOST, server.address().port, HOST, dnsPort);
}

main().catch(e => {
  console.log(e.code === 'EADDRINUSE' ? `Port ${e.port} on ${HOST} is already in use.` : e.stack);
  process.exit(1);
});
