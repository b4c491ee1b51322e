// The domains benchmark's driver (samples/bench-domains.sh runs it): adds DOMAINS domains, publishes each one's
// printed records to the local DNS server, then runs the re-verification job until no domain is due, and prints
// one JSON line of measurements. Node 18+ (global fetch).
const [api, token, ws, count, parallel] = [process.env.API, process.env.TOKEN, process.env.WS,
  Number(process.env.DOMAINS), Number(process.env.PARALLEL)];
const stamp = Date.now().toString(36);
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

async function call(method, path, body, headers = auth) {
  const res = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function inParallel(items, work) {
  const times = [];
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) {
      const item = items[next++];
      const start = process.hrtime.bigint();
      await work(item);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }));
  return times.sort((a, b) => a - b);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
const names = Array.from({ length: count }, (_, i) => `bench-${stamp}-${i}.com`);
const domains = `/v1/workspaces/${ws}/domains`;

let t = Date.now();
const addMs = await inParallel(names, name => call('POST', domains, { name }));
const addWall = Date.now() - t;
t = Date.now();
await inParallel(names, async name => {
  const printed = await call('GET', `${domains}/${name}/records`);
  await call('PUT', `/_local/dns/${name}`, printed.records.map(r => r.record), { 'Content-Type': 'application/json' });
});
const publishWall = Date.now() - t;

const runs = [];
t = Date.now();
for (let i = 0; i < 20; i++) {
  const start = Date.now();
  const run = await call('POST', '/_local/schedules/domains/reverify-domains', undefined, {});
  if (run.status !== 'succeeded') throw new Error(`the re-verification job ${run.status}: ${JSON.stringify(run)}`);
  const summary = run.response;
  runs.push({ ms: Date.now() - start, ...summary });
  if (summary.finished) break;
}
const reverifyWall = Date.now() - t;
const checked = runs.reduce((n, r) => n + r.checked, 0);
const queries = runs.reduce((n, r) => n + r.dnsQueries, 0);
const listed = await call('GET', `${domains}?limit=100`);
console.log(JSON.stringify({
  domains: count, parallel,
  addP50: pct(addMs, 50), addP95: pct(addMs, 95), addP99: pct(addMs, 99), addWall, publishWall,
  reverifyRuns: runs.length, reverifyWall, checked, verified: runs.reduce((n, r) => n + r.verified, 0),
  failing: runs.reduce((n, r) => n + r.failing, 0), unknown: runs.reduce((n, r) => n + r.unknown, 0),
  dnsQueries: queries, queriesPerDomain: checked ? queries / checked : 0,
  firstPageStatuses: [...new Set(listed.items.map(d => d.status))],
}));
