import { notFound } from 'next/navigation';
import { TeamView } from '@/components/shell/team-view';
import { getDb } from '@/db/index';
import { getTeamInScope } from '@/db/queries/home';
import { requireRole } from '@/lib/auth/dal';

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('supervisor', 'branch_head');
  const { id } = await params;
  const teamId = Number(id);
  if (!Number.isSafeInteger(teamId) || teamId <= 0) notFound();
  const db = await getDb();
  const team = await getTeamInScope(db, user, teamId);
  if (!team) notFound();
  return <TeamView db={db} team={team} />;
}
