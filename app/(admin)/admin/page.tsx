import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/index';
import { getAdminCounts, getRecentSignIns } from '@/db/queries/home';
import { requireRole } from '@/lib/auth/dal';
import { formatCount, formatDateTime } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('admin');
  return { title: t('heading') };
}

export default async function AdminHome() {
  await requireRole('admin');
  const db = await getDb();
  const [counts, signIns] = await Promise.all([getAdminCounts(db), getRecentSignIns(db)]);
  const t = await getTranslations('admin');
  const tiles = [
    ['users', counts.users],
    ['branches', counts.branches],
    ['teams', counts.teams],
    ['retailers', counts.retailers],
    ['specs', counts.specs],
    ['visits', counts.visits],
    ['orders', counts.orders],
    ['complaints', counts.complaints],
  ] as const;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <section aria-label={t('counts')} className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="admin-counts">
        {tiles.map(([key, value]) => (
          <Card key={key}>
            <CardContent className="pt-4">
              <p className="text-sm text-muted-foreground">{t(key)}</p>
              <p className="text-2xl font-semibold tabular-nums" data-testid={`count-${key}`} data-value={value}>
                {formatCount(value)}
              </p>
            </CardContent>
          </Card>
        ))}
      </section>
      <Card>
        <CardHeader>
          <CardTitle>{t('lastSignIns')}</CardTitle>
        </CardHeader>
        <CardContent>
          {signIns.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noSignIns')}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('time')}</TableHead>
                  <TableHead>{t('username')}</TableHead>
                  <TableHead>{t('result')}</TableHead>
                  <TableHead>{t('address')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {signIns.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className="tabular-nums">{formatDateTime(s.at)}</TableCell>
                    <TableCell>{s.username}</TableCell>
                    <TableCell>
                      <Badge variant={s.success ? 'success' : 'destructive'}>{s.success ? t('success') : t('failure')}</Badge>
                    </TableCell>
                    <TableCell>{s.ip}</TableCell>
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
