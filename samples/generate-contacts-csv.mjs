#!/usr/bin/env node
// Writes a contacts CSV of N rows with realistic variety, for the import benchmarks (docs/benchmarks/contacts-imports.md)
// and demos: names, companies, titles, phones, timezones, tags and two custom fields (seats: number, plan: text),
// plus, at fixed rates, invalid addresses (1 in 50), in-file duplicates of an earlier row in another case (1 in 40),
// and addresses at the domain blocked.example, for the caller to suppress (1 in 100). Deterministic for a given N and
// seed, streamed (constant memory), so 1,000,000 rows (about 101 MB, under the 100 MiB CSV limit) take about 15 s.
//
//   node samples/generate-contacts-csv.mjs ROWS OUT.csv [SEED]
//
// It prints the file's expected outcome as JSON on stdout: rows, invalid, duplicates, suppressed, valid (unique,
// not suppressed), so a benchmark can check what an import counted.
import fs from "node:fs";

const [rowsArg, out, seedArg] = process.argv.slice(2);
if (!rowsArg || !out || rowsArg === "--help") {
  console.error("usage: node samples/generate-contacts-csv.mjs ROWS OUT.csv [SEED]");
  process.exit(rowsArg === "--help" ? 0 : 2);
}
const rows = Number(rowsArg);
if (!Number.isInteger(rows) || rows < 1) {
  console.error(`ROWS must be a positive whole number: ${rowsArg}`);
  process.exit(2);
}
let seed = Number(seedArg ?? 42) >>> 0 || 42;
function rand() { // mulberry32: small, fast and deterministic
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const FIRST = ["Ana", "Bruno", "Chloé", "Dmitri", "Elif", "Femi", "Grace", "Hiro", "Inès", "Jakub", "Kavya", "Liam",
  "María", "Noah", "Olu", "Priya", "Quinn", "Rafael", "Sofia", "Tariq", "Uma", "Viktor", "Wen", "Yusuf", "Zoë"];
const LAST = ["Andersen", "Barbosa", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jones",
  "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Patel", "Rossi", "Schmidt", "Tanaka", "Van der Berg"];
const COMPANY = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent",
  "Cyberdyne", "Aperture", "Wonka", "Gringotts", "Monarch"];
const SUFFIX = ["Inc", "GmbH", "Ltd", "SA", "LLC", "BV", "Group", "Labs"];
const TITLE = ["CEO", "CTO", "Head of Sales", "VP Marketing", "Founder", "Growth Lead", "Ops Manager", "", ""];
const TZ = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/Berlin", "America/Sao_Paulo", "", ""];
const TLD = ["io", "com", "co.uk", "de", "fr", "com.br", "jp"];
const PLAN = ["free", "starter", "pro", "enterprise", ""];
const BAD = ["not-an-address", "missing@", "@nowhere.io", "two@@at.io", "spaces in@side.io", "x@-bad-.io"];

const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const fd = fs.openSync(out, "w");
let buf = "email,first name,last name,company,title,phone,timezone,tags,seats,plan\n";
const counts = { rows, invalid: 0, duplicates: 0, suppressed: 0, valid: 0 };
for (let i = 1; i <= rows; i++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = `${pick(COMPANY)} ${pick(SUFFIX)}`;
  let email;
  if (i % 50 === 0) {
    email = pick(BAD);
    counts.invalid++;
  } else if (i % 40 === 0 && i > 40) {
    // an earlier valid row's address, upper-cased: the key is the same (domain and local part lower-cased)
    let j = i - 1 - Math.floor(rand() * Math.min(i - 1, 5000));
    while (j % 50 === 0 || j % 40 === 0) j--;
    email = `${addressOf(j)}`.toUpperCase();
    counts.duplicates++;
  } else if (i % 100 === 37) {
    email = `lead${i}@blocked.example`;
    counts.suppressed++;
  } else {
    email = addressOf(i);
    counts.valid++;
  }
  const phone = rand() < 0.7 ? `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, "0")}` : "";
  const tags = rand() < 0.5 ? [pick(["lead", "vip", "webinar", "trial", "q3"]), pick(["eu", "us", "apac"])].join(";") : "";
  const seats = rand() < 0.8 ? String(1 + Math.floor(rand() * 500)) : "";
  buf += [email, first, last, company, pick(TITLE), phone, pick(TZ), tags, seats, pick(PLAN)].map(cell).join(",") + "\n";
  if (buf.length > 1 << 20) {
    fs.writeSync(fd, buf);
    buf = "";
  }
}
fs.writeSync(fd, buf);
fs.closeSync(fd);
console.log(JSON.stringify(counts));

// The address of row i, the same whenever asked (a duplicate repeats it), at one of a few hundred domains.
function addressOf(i) {
  const d = i % 997;
  if (i % 100 === 37) return `lead${i}@blocked.example`;
  return `lead${i}.${(i * 2654435761 >>> 0).toString(36)}@company${d}.${TLD[d % TLD.length]}`;
}
