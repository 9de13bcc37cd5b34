// Run by scripts/test.ts after seeding and before the server starts (PGlite allows one process):
// writes the oracle's figures for team 1's previous full week, which the end-to-end tests then
// read off the rendered dashboards. npx tsx tests/oracle/snapshot.ts <out.json> <today>
import fs from 'node:fs';
import { openDb } from '@/db/index';
import { addDays, weekStart } from '@/lib/time';
import { oracleComplaintWeek, oracleSellThrough, oracleShelving, oracleStock, oracleTarget, oracleVisitCompletion } from './sql';

const [out, today] = process.argv.slice(2);
const handle = await openDb();
const db = handle.db;
const teamId = 1;
const week = addDays(weekStart(today), -7);
const range = { from: week, to: addDays(week, 6) };
const month = `${week.slice(0, 7)}-01`;
const [visits, shelving, sell, stock, complaints, target] = await Promise.all([
  oracleVisitCompletion(db, teamId, range),
  oracleShelving(db, teamId, range),
  oracleSellThrough(db, teamId, range),
  oracleStock(db, teamId, range.to),
  oracleComplaintWeek(db, teamId, week),
  oracleTarget(db, teamId, month),
]);
const shelved = shelving.reduce((a, r) => a + r.shelved, 0);
const eligible = shelving.reduce((a, r) => a + r.eligible, 0);
const implied = sell.reduce((a, r) => a + r.implied, 0);
const base = sell.reduce((a, r) => a + r.base, 0);
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');
fs.writeFileSync(
  out,
  JSON.stringify({
    week,
    month,
    visitCompletion: pct(visits.visited, visits.planned),
    shelvingRate: pct(shelved, eligible),
    shelving: Object.fromEntries(shelving.map((r) => [r.brand, { eligible: r.eligible, shelved: r.shelved }])),
    sellThrough: pct(implied, base),
    sellBySpec: Object.fromEntries(sell.map((r) => [r.spec_id, pct(r.implied, r.base)])),
    avgStock: stock.shops ? (stock.stock / stock.shops).toFixed(1) : '—',
    onTime: pct(complaints.on_time, complaints.resolved),
    opened: complaints.opened,
    targetCompletion: pct(target.bought, target.target),
    made: visits.made,
  }),
);
await handle.close();
console.log(`oracle figures for team ${teamId}, week ${week} → ${out}`);
