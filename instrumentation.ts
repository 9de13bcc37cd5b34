// Applies pending migrations once, when the server starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDbHandle } = await import('./db/index');
  const { migrate } = await import('./db/migrate');
  await migrate(await getDbHandle());
}
