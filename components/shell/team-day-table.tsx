import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { getTeamDay } from '@/db/queries/home';
import { formatRate, formatTime } from '@/lib/format';

type Row = Awaited<ReturnType<typeof getTeamDay>>[number];

export async function TeamDayTable({ rows, standards }: { rows: Row[]; standards: { city: number; rural: number } }) {
  const t = await getTranslations('dashboard');
  return (
    <Table data-testid="team-day">
      <TableHeader>
        <TableRow>
          <TableHead>{t('manager')}</TableHead>
          <TableHead className="text-right">{t('retailers')}</TableHead>
          <TableHead className="text-right">{t('planned')}</TableHead>
          <TableHead className="text-right">{t('made')}</TableHead>
          <TableHead className="text-right">{t('completion')}</TableHead>
          <TableHead className="text-right">{t('missed')}</TableHead>
          <TableHead className="text-right">{t('offPlan')}</TableHead>
          <TableHead className="text-right">{t('short')}</TableHead>
          <TableHead>{t('firstStart')}</TableHead>
          <TableHead>{t('lastEnd')}</TableHead>
          <TableHead>{t('standard')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const standard = r.day?.area === 'rural' ? standards.rural : standards.city;
          const met = (r.day?.made ?? 0) >= standard;
          return (
            <TableRow key={r.id}>
              <TableCell className="font-medium">{r.name}</TableCell>
              <TableCell className="text-right tabular-nums">{r.shops}</TableCell>
              <TableCell className="text-right tabular-nums">{r.day?.planned ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums">{r.day?.made ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums">{formatRate(r.day?.plannedMade ?? 0, r.day?.planned ?? 0)}</TableCell>
              <TableCell className="text-right tabular-nums">{r.day?.missed ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums">{r.day?.offPlan ?? 0}</TableCell>
              <TableCell className="text-right tabular-nums">{r.day?.short ?? 0}</TableCell>
              <TableCell className="tabular-nums">{formatTime(r.day?.firstStart)}</TableCell>
              <TableCell className="tabular-nums">{formatTime(r.day?.lastEnd)}</TableCell>
              <TableCell>
                <Badge variant={met ? 'success' : 'warning'}>
                  {met ? '▲ ' : '▼ '}
                  {met ? t('met') : t('notMet')} ({standard})
                </Badge>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
