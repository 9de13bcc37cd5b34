// At server start (not during `next build`): pending migrations, then the complaint escalation schedule.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db/index');
  const { migrate } = await import('./db/migrate');
  await migrate(await getDbHandle());
  // overdue complaints escalate on a schedule, whether or not anyone opens a page
  const { startEscalationSchedule } = await import('./lib/complaints/escalation');
  const { getDb } = await import('./db/index');
  const { now } = await import('./lib/clock');
  startEscalationSchedule(getDb, now);
}
