import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AddCalendarDaysForm, RemoveCalendarDayButton } from '@/components/admin/calendar-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getCalendarYear } from '@/db/queries/admin-calendar';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { isoWeekday } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('adminCalendar');
  return { title: t('heading') };
}

export default async function AdminCalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requireRole('admin');
  const raw = Number((await searchParams).year);
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : Number(today().slice(0, 4));
  const days = await getCalendarYear(await getDb(), year);
  const t = await getTranslations('adminCalendar');
  const tw = await getTranslations('weekday');
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <nav aria-label={t('years')} className="flex items-center gap-3">
        <Link href={`/admin/calendar?year=${year - 1}`} className="text-sm text-primary hover:underline">
          ← {year - 1}
        </Link>
        <span className="text-lg font-semibold tabular-nums" aria-current="page">
          {t('year', { year })}
        </span>
        <Link href={`/admin/calendar?year=${year + 1}`} className="text-sm text-primary hover:underline">
          {year + 1} →
        </Link>
        <span className="text-sm text-muted-foreground">{t('summary', { holidays, workdays: days.length - holidays })}</span>
      </nav>
      <Card>
        <CardHeader>
          <CardTitle>{t('addHeading')}</CardTitle>
        </CardHeader>
        <CardContent>
          <AddCalendarDaysForm year={year} />
        </CardContent>
      </Card>
      <Table data-testid="calendar-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('day')}</TableHead>
            <TableHead>{t('weekday')}</TableHead>
            <TableHead>{t('kind')}</TableHead>
            <TableHead>{t('name')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {days.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                {t('empty', { year })}
              </TableCell>
            </TableRow>
          ) : (
            days.map((d) => (
              <TableRow key={d.day}>
                <TableCell className="tabular-nums">{d.day}</TableCell>
                <TableCell>{tw(String(isoWeekday(d.day)))}</TableCell>
                <TableCell>{d.kind === 'holiday' ? <Badge variant="secondary">{t('kinds.holiday')}</Badge> : <Badge variant="outline">{t('kinds.workday')}</Badge>}</TableCell>
                <TableCell>{d.name}</TableCell>
                <TableCell>
                  <RemoveCalendarDayButton day={d.day} />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
