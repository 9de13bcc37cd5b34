'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { postBriefing } from '@/app/(app)/briefings/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

type Words = { policies: string; focus: string; supplyLimits: string; issues: string };
const fields = ['focus', 'policies', 'supplyLimits', 'issues'] as const;

export function BriefingForm({ teamId, initial, exists, supplySuggestion }: { teamId: number; initial: Words; exists: boolean; supplySuggestion: string }) {
  const t = useTranslations('briefings');
  const router = useRouter();
  const [words, setWords] = useState<Words>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  const describe = (name: string) => ({
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `err-${name}` : undefined,
  });

  return (
    <form
      className="space-y-4"
      noValidate
      aria-label={t('formTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await postBriefing({ teamId, ...words });
          if (r.ok) {
            setErrors({});
            toast.success(r.data.updated ? t('updated') : t('posted'));
            router.refresh();
          } else {
            setErrors(r.fieldErrors ?? { _form: [r.message] });
          }
        });
      }}
    >
      {fields.map((name) => (
        <div key={name} className="space-y-2">
          <Label htmlFor={`briefing-${name}`}>{t(`fields.${name}`)}</Label>
          <Textarea
            id={`briefing-${name}`}
            name={name}
            rows={name === 'supplyLimits' ? 5 : 3}
            placeholder={t(`placeholders.${name}`)}
            value={words[name]}
            onChange={(e) => setWords((w) => ({ ...w, [name]: e.target.value }))}
            {...describe(name)}
          />
          <FieldError id={`err-${name}`} messages={errors[name]} />
          {name === 'supplyLimits' && supplySuggestion && (
            <div className="space-y-2 rounded-md border border-dashed p-3 text-sm">
              <p className="text-muted-foreground">{t('suggestionHint')}</p>
              <p className="whitespace-pre-line" data-testid="supply-suggestion">
                {supplySuggestion}
              </p>
              <Button type="button" variant="outline" onClick={() => setWords((w) => ({ ...w, supplyLimits: supplySuggestion }))}>
                {t('useSuggestion')}
              </Button>
            </div>
          )}
        </div>
      ))}
      <FieldError id="err-_form" messages={errors._form} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t('saving') : exists ? t('update') : t('post')}
      </Button>
    </form>
  );
}
