import { getTranslations } from 'next-intl/server';
import { AgreementForm, RemoveAgreementButton, TargetRow } from '@/components/admin/catalog-forms';
import { MonthPicker } from '@/components/admin/month-picker';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Button } from '@/components/ui/button';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getAgreements, getManagerTargets, monthParam } from '@/db/queries/admin-catalog';
import { requireRole } from '@/lib/auth/dal';

export async function generateMetadata() {
  const t = await getTranslations('adminCatalog');
  return { title: t('targetsHeading') };
}

export default async function AdminTargetsPage({ searchParams }: { searchParams: Promise<{ month?: string; q?: string }> }) {
  await requireRole('admin');
  const sp = await searchParams;
  const month = monthParam(sp.month);
  const q = (sp.q ?? '').trim().slice(0, 60);
  const db = await getDb();
  const [managers, agreements] = await Promise.all([getManagerTargets(db, month), getAgreements(db, month, q)]);
  const t = await getTranslations('adminCatalog');
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('targetsHeading')}</h1>
        <p className="text-sm text-muted-foreground">{t('targetsIntro')}</p>
      </div>
      <MonthPicker month={month} label={t('month')} submit={t('show')} />
      <Card>
        <CardHeader>
          <CardTitle>{t('managerTargets')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="target-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('team')}</TableHead>
                <TableHead>{t('manager')}</TableHead>
                <TableHead>{t('targetQty')}</TableHead>
                <TableHead>{t('targetAmount')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {managers.map((m) => (
                <TargetRow key={m.managerId} month={month} row={m} />
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('agreements')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <AgreementForm month={month} />
          <form method="get" className="flex items-end gap-2">
            <input type="hidden" name="month" value={month.slice(0, 7)} />
            <label className="flex flex-col gap-1 text-sm">
              <span className="text-muted-foreground">{t('searchAgreements')}</span>
              <Input type="search" name="q" defaultValue={q} className="h-10 w-64" placeholder={t('searchAgreementsPlaceholder')} />
            </label>
            <Button type="submit" variant="outline" className="h-10">
              {t('show')}
            </Button>
          </form>
          <Table data-testid="agreement-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('licenceNo')}</TableHead>
                <TableHead>{t('shop')}</TableHead>
                <TableHead>{t('manager')}</TableHead>
                <TableHead>{t('agreedQty')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {agreements.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                    {t('noAgreements')}
                  </TableCell>
                </TableRow>
              ) : (
                agreements.map((a) => (
                  <TableRow key={a.retailerId}>
                    <TableCell className="font-mono text-xs">{a.licenceNo}</TableCell>
                    <TableCell>{a.name}</TableCell>
                    <TableCell>{a.managerName}</TableCell>
                    <TableCell className="tabular-nums">{a.qty}</TableCell>
                    <TableCell>
                      <RemoveAgreementButton month={month} licenceNo={a.licenceNo} />
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
          {agreements.length >= 200 && <p className="text-sm text-muted-foreground">{t('agreementsCapped')}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
