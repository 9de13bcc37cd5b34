import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Db } from '@/db/index';
import { getPreviousActiveDay, getTeamDay } from '@/db/queries/home';
import { today } from '@/lib/clock';
import { getRenderSettings } from '@/lib/auth/dal';
import { TeamDayTable } from './team-day-table';

/** A team's managers and their visits on the previous working day. */
export async function TeamView({ db, team }: { db: Db; team: { id: number; name: string; branchName: string } }) {
  const t = await getTranslations('dashboard');
  const day = await getPreviousActiveDay(db, { teamId: team.id }, today());
  const [rows, settings] = await Promise.all([day ? getTeamDay(db, team.id, day) : Promise.resolve([]), getRenderSettings(db)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold" data-testid="team-name">
          {team.name}
        </h1>
        <p className="text-sm text-muted-foreground">{team.branchName}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('managers')}</CardTitle>
          {day && <p className="text-sm text-muted-foreground">{t('day', { date: day })}</p>}
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('empty')}</p>
          ) : (
            <TeamDayTable rows={rows} standards={{ city: settings.visitStandardCity, rural: settings.visitStandardRural }} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
