'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { clearGroupOverride, overrideGroup, recomputeScreening } from '@/app/(app)/forecasts/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { ToggleChip } from '@/components/ui/toggle-chip';

type Group = 'high_fluctuation' | 'enterprise' | 'general';
export type ScreeningRow = {
  retailerId: number;
  name: string;
  grade: number;
  group: Group | null;
  isKeyCustomer: boolean | null;
  weeklyCv: number | null;
  overrideReason: string | null;
};

const GROUPS: Group[] = ['high_fluctuation', 'enterprise', 'general'];
type Filter = 'all' | Group | 'key' | 'overridden';

export function ScreeningTable({ rows, canEdit }: { rows: ScreeningRow[]; canEdit: boolean }) {
  const t = useTranslations('screening');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<number | null>(null);
  const screened = rows.some((r) => r.group !== null);

  const counts: Record<Filter, number> = {
    all: rows.length,
    high_fluctuation: rows.filter((r) => r.group === 'high_fluctuation').length,
    enterprise: rows.filter((r) => r.group === 'enterprise').length,
    general: rows.filter((r) => r.group === 'general').length,
    key: rows.filter((r) => r.isKeyCustomer).length,
    overridden: rows.filter((r) => r.overrideReason).length,
  };
  const shown = rows.filter((r) =>
    filter === 'all' ? true : filter === 'key' ? r.isKeyCustomer : filter === 'overridden' ? !!r.overrideReason : r.group === filter,
  );

  return (
    <div className="space-y-3">
      {canEdit && (
        <Button
          type="button"
          size="lg"
          className="w-full"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await recomputeScreening({});
              if (r.ok) {
                toast.success(t('recomputed', { shops: r.data.shops, overridden: r.data.overridden }));
                router.refresh();
              } else toast.error(r.message);
            })
          }
        >
          {pending ? t('recomputing') : screened ? t('recomputeAgain') : t('recompute')}
        </Button>
      )}
      {!screened ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{canEdit ? t('emptyCanRun') : t('empty')}</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-2" role="group" aria-label={t('filter')}>
            {(['all', ...GROUPS, 'key', 'overridden'] as Filter[]).map((f) => (
              <ToggleChip key={f} pressed={filter === f} onPressedChange={() => setFilter(f)}>
                {t(`filters.${f}`)} {counts[f]}
              </ToggleChip>
            ))}
          </div>
          <ul className="divide-y rounded-lg border bg-card" data-testid="screening-list">
            {shown.map((r) => (
              <li key={r.retailerId} className="space-y-2 p-3" data-testid={`screening-${r.retailerId}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 flex-1 font-medium">{r.name}</span>
                  {r.group && <Badge variant={r.group === 'general' ? 'secondary' : 'warning'}>{t(`groups.${r.group}`)}</Badge>}
                  {r.isKeyCustomer && <Badge variant="default">{t('key')}</Badge>}
                </div>
                <p className="text-sm text-muted-foreground">
                  {t('gradeCv', { grade: r.grade, cv: r.weeklyCv === null ? '—' : (r.weeklyCv / 1000).toFixed(2) })}
                </p>
                {r.overrideReason && (
                  <p className="text-sm">
                    <span className="font-medium">{t('overridden')}：</span>
                    {r.overrideReason}
                  </p>
                )}
                {canEdit && r.group && editing !== r.retailerId && (
                  <div className="flex flex-wrap gap-2">
                    <Button type="button" variant="outline" onClick={() => setEditing(r.retailerId)}>
                      {t('adjust')}
                    </Button>
                    {r.overrideReason && (
                      <Button
                        type="button"
                        variant="ghost"
                        disabled={pending}
                        onClick={() =>
                          startTransition(async () => {
                            const res = await clearGroupOverride({ retailerId: r.retailerId });
                            if (res.ok) {
                              toast.success(t('cleared'));
                              router.refresh();
                            } else toast.error(res.message);
                          })
                        }
                      >
                        {t('backToRule')}
                      </Button>
                    )}
                  </div>
                )}
                {editing === r.retailerId && r.group && (
                  <OverrideForm
                    row={r}
                    onDone={() => {
                      setEditing(null);
                      router.refresh();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function OverrideForm({ row, onDone }: { row: ScreeningRow; onDone: () => void }) {
  const t = useTranslations('screening');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const [isKey, setIsKey] = useState(!!row.isKeyCustomer);
  const id = (name: string) => `${name}-${row.retailerId}`;
  const field = (name: string) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `err-${id(name)}` : undefined });

  return (
    <form
      className="space-y-3 rounded-md border bg-muted/30 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(async () => {
          const r = await overrideGroup({ retailerId: row.retailerId, group: String(data.get('group') ?? ''), isKeyCustomer: isKey, reason: String(data.get('reason') ?? '') });
          if (r.ok) {
            toast.success(t('saved'));
            onDone();
          } else setErrors(r.fieldErrors ?? { _form: [r.message] });
        });
      }}
    >
      <div className="space-y-2">
        <Label htmlFor={id('group')}>{t('group')}</Label>
        <NativeSelect id={id('group')} name="group" defaultValue={row.group ?? ''} {...field('group')}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`groups.${g}`)}
            </option>
          ))}
        </NativeSelect>
        <FieldError id={`err-${id('group')}`} messages={errors.group} />
      </div>
      <ToggleChip pressed={isKey} onPressedChange={setIsKey}>
        {t('key')}
      </ToggleChip>
      <div className="space-y-2">
        <Label htmlFor={id('reason')}>{t('reason')}</Label>
        <Textarea id={id('reason')} name="reason" placeholder={t('reasonHint')} {...field('reason')} />
        <FieldError id={`err-${id('reason')}`} messages={errors.reason} />
      </div>
      <FieldError id={`err-${id('_form')}`} messages={errors._form} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {t('saveOverride')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
