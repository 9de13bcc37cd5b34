// At server start (not during `next build`): pending migrations, then the complaint escalation schedule.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db/index');
  const { migrate } = await import('./db/migrate');
  await migrate(await getDbHandle());
  // overdue complaints escalate, and new dashboard periods open, on a schedule (lib/schedule.ts)
  const { startSchedules } = await import('./lib/schedule');
  const { getDb } = await import('./db/index');
  const { now } = await import('./lib/clock');
  startSchedules(getDb, now);
}
