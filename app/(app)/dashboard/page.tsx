import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TeamView } from '@/components/shell/team-view';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/index';
import { getBranchName, getBranchTeams, getPreviousActiveDay, getTeamInScope } from '@/db/queries/home';
import { Suspense } from 'react';
import { OverviewCards } from '@/components/dashboard/overview-cards';
import { KpiSkeleton, PanelSkeleton } from '@/components/dashboard/skeletons';
import { loadDashboard, type SearchParams } from '@/lib/dashboard/load';
import { today } from '@/lib/clock';
import { formatRate } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('dashboard');
  return { title: t('heading') };
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db, f, prev, today: todayDay } = await loadDashboard(searchParams);
  const cards = (
    <Suspense fallback={<KpiSkeleton />}>
      <OverviewCards db={db} scope={user} f={f} prev={prev} today={todayDay} />
    </Suspense>
  );
  if (user.role === 'supervisor') {
    const team = user.teamId ? await getTeamInScope(db, user, user.teamId) : null;
    if (!team) notFound();
    return (
      <div className="space-y-4">
        {cards}
        <Suspense fallback={<PanelSkeleton />}>
          <TeamView db={db} team={team} />
        </Suspense>
      </div>
    );
  }
  const branchId = user.branchId ?? -1;
  const day = await getPreviousActiveDay(db, { branchId }, today());
  const [branchName, teams] = await Promise.all([getBranchName(db, branchId), getBranchTeams(db, branchId, day ?? today())]);
  const t = await getTranslations('dashboard');
  return (
    <div className="space-y-4">
      {cards}
      <h1 className="text-xl font-semibold" data-testid="branch-name">
        {branchName}
      </h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('teams')}</CardTitle>
          {day && <p className="text-sm text-muted-foreground">{t('day', { date: day })}</p>}
        </CardHeader>
        <CardContent>
          {teams.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noTeams')}</p>
          ) : (
            <Table data-testid="branch-teams">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('team')}</TableHead>
                  <TableHead>{t('supervisor')}</TableHead>
                  <TableHead className="text-right">{t('managers')}</TableHead>
                  <TableHead className="text-right">{t('retailers')}</TableHead>
                  <TableHead className="text-right">{t('planned')}</TableHead>
                  <TableHead className="text-right">{t('made')}</TableHead>
                  <TableHead className="text-right">{t('completion')}</TableHead>
                  <TableHead className="text-right">{t('short')}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {teams.map((team) => (
                  <TableRow key={team.id}>
                    <TableCell className="font-medium">{team.name}</TableCell>
                    <TableCell>{team.supervisor ?? '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{team.managers}</TableCell>
                    <TableCell className="text-right tabular-nums">{team.shops}</TableCell>
                    <TableCell className="text-right tabular-nums">{team.day?.planned ?? 0}</TableCell>
                    <TableCell className="text-right tabular-nums">{team.day?.made ?? 0}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatRate(team.day?.plannedMade ?? 0, team.day?.planned ?? 0)}</TableCell>
                    <TableCell className="text-right tabular-nums">{team.day?.short ?? 0}</TableCell>
                    <TableCell>
                      <Button asChild variant="link" size="sm">
                        <Link href={`/dashboard/teams/${team.id}`}>{t('viewTeam')}</Link>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
