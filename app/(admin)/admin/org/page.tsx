import { getTranslations } from 'next-intl/server';
import { BranchRow, NewBranchForm, NewTeamForm, TeamRow } from '@/components/admin/org-forms';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getOrgCounts, getOrgOptions } from '@/db/queries/admin-users';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminOrg');
  return { title: t('heading') };
}

export default async function AdminOrgPage() {
  await requireRole('admin');
  const db = await getDb();
  const [org, counts] = await Promise.all([getOrgOptions(db), getOrgCounts(db)]);
  const t = await getTranslations('adminOrg');
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('branches')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Table data-testid="branch-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('code')}</TableHead>
                <TableHead>{t('branchName')}</TableHead>
                <TableHead>{t('teamCount')}</TableHead>
                <TableHead>{t('userCount')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.branches.map((b) => (
                <BranchRow key={b.id} branch={{ ...b, teams: counts.teamsByBranch.get(b.id) ?? 0, users: counts.usersByBranch.get(b.id) ?? 0 }} />
              ))}
            </TableBody>
          </Table>
          <NewBranchForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('teams')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Table data-testid="team-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('code')}</TableHead>
                <TableHead>{t('branch')}</TableHead>
                <TableHead>{t('teamName')}</TableHead>
                <TableHead>{t('supervisor')}</TableHead>
                <TableHead>{t('managerCount')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.teams.map((team) => (
                <TeamRow key={team.id} team={{ ...team, managers: counts.managersByTeam.get(team.id) ?? 0 }} supervisors={org.supervisors} />
              ))}
            </TableBody>
          </Table>
          <NewTeamForm branches={org.branches} supervisors={org.supervisors} />
        </CardContent>
      </Card>
    </div>
  );
}
