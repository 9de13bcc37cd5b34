'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';
import { saveDailyReport } from '@/app/(app)/reports/actions';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { SaveButtons } from './save-buttons';
import { useSave } from './use-save';

type Missed = { retailerId: number; name: string; reason: string };

/** Items 3, 8 and 10 of the daily report: the words only the manager can add. */
export function DailyReportForm({ day, missed, commonIssues, gains }: { day: string; missed: Missed[]; commonIssues: string; gains: string }) {
  const t = useTranslations('reports');
  const [reasons, setReasons] = useState<Record<string, string>>(() => Object.fromEntries(missed.map((m) => [String(m.retailerId), m.reason])));
  const [issues, setIssues] = useState(commonIssues);
  const [gain, setGain] = useState(gains);
  const { save: send, errors, pending } = useSave(saveDailyReport, (p) => toast.success(p.submit ? t('submittedToast') : t('saved')));
  const save = (submit: boolean) => send({ day, missedReasons: reasons, commonIssues: issues, gains: gain, submit });

  return (
    <form
      className="space-y-4"
      data-testid="daily-report-form"
      onSubmit={(e) => {
        e.preventDefault();
        save(true);
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('items.missed')}</legend>
        {missed.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('figures.noMissed')}</p>
        ) : (
          missed.map((m) => {
            const id = `missed-${m.retailerId}`;
            const errs = errors[`missedReasons.${m.retailerId}`];
            return (
              <div key={m.retailerId} className="space-y-1">
                <Label htmlFor={id}>
                  {m.name} · {t('missedReason')}
                </Label>
                <Input
                  id={id}
                  value={reasons[String(m.retailerId)] ?? ''}
                  placeholder={t('missedReasonPlaceholder')}
                  maxLength={200}
                  onChange={(e) => setReasons((r) => ({ ...r, [String(m.retailerId)]: e.target.value }))}
                  aria-invalid={!!errs}
                  aria-describedby={errs ? `${id}-err` : undefined}
                />
                <FieldError id={`${id}-err`} messages={errs} />
              </div>
            );
          })
        )}
      </fieldset>
      <div className="space-y-1">
        <Label htmlFor="common-issues">{t('items.commonIssues')}</Label>
        <Textarea
          id="common-issues"
          value={issues}
          maxLength={2000}
          placeholder={t('commonIssuesPlaceholder')}
          onChange={(e) => setIssues(e.target.value)}
          aria-invalid={!!errors.commonIssues}
          aria-describedby={errors.commonIssues ? 'common-issues-err' : undefined}
        />
        <FieldError id="common-issues-err" messages={errors.commonIssues} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="gains">{t('items.gains')}</Label>
        <Textarea
          id="gains"
          value={gain}
          maxLength={2000}
          placeholder={t('gainsPlaceholder')}
          onChange={(e) => setGain(e.target.value)}
          aria-invalid={!!errors.gains}
          aria-describedby={errors.gains ? 'gains-err' : undefined}
        />
        <FieldError id="gains-err" messages={errors.gains} />
      </div>
      <FieldError id="report-form-err" messages={errors._form ?? errors.day} />
      <SaveButtons pending={pending} onDraft={() => save(false)} />
    </form>
  );
}
