'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { createOpinion, replyOpinion, sendOpinionSummary } from '@/app/(app)/opinions/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';

type Opt = { value: string; label: string };
type Errors = Record<string, string[]>;

function useAct() {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; fieldErrors?: Errors; message?: string }>, onOk?: () => void) =>
    start(async () => {
      const r = await fn();
      if (r.ok) {
        setErrors({});
        onOk?.();
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message ?? ''] });
    });
  return { errors, pending, run };
}

export function NewOpinionForm({ shops, categories }: { shops: Opt[]; categories: Opt[] }) {
  const t = useTranslations('opinions');
  const { errors, pending, run } = useAct();
  const id = useRef(crypto.randomUUID?.() ?? '');
  return (
    <form
      className="grid gap-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const d = new FormData(form);
        run(
          () => createOpinion({ clientId: id.current, retailerId: Number(d.get('retailerId')) || undefined, kind: d.get('kind') || undefined, category: String(d.get('category') ?? ''), content: String(d.get('content') ?? '') }),
          () => {
            form.reset();
            id.current = crypto.randomUUID?.() ?? '';
          },
        );
      }}
    >
      <NativeSelect name="retailerId" aria-label={t('shop')} defaultValue="" aria-invalid={!!errors.retailerId}>
        <option value="">{t('shop')}</option>
        {shops.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect name="kind" aria-label={t('kind')} defaultValue="" aria-invalid={!!errors.kind}>
        <option value="">{t('kind')}</option>
        {(['opinion', 'suggestion', 'complaint'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect name="category" aria-label={t('category')} defaultValue="" aria-invalid={!!errors.category}>
        <option value="">{t('category')}</option>
        {categories.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </NativeSelect>
      <Textarea name="content" aria-label={t('content')} placeholder={t('content')} aria-invalid={!!errors.content} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        {Object.entries(errors).map(([k, v]) => (
          <FieldError key={k} id={`err-op-${k}`} messages={v} />
        ))}
        <Button type="submit" disabled={pending}>
          {t('add')}
        </Button>
      </div>
    </form>
  );
}

export function ReplyForm({ entryId }: { entryId: number }) {
  const t = useTranslations('opinions');
  const [text, setText] = useState('');
  const { errors, pending, run } = useAct();
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row">
      <Textarea aria-label={t('reply')} placeholder={t('reply')} value={text} onChange={(e) => setText(e.target.value)} className="min-h-11" aria-invalid={!!errors.reply} />
      <Button disabled={pending} onClick={() => run(() => replyOpinion({ entryId, reply: text }))}>
        {t('sendReply')}
      </Button>
      <FieldError id={`err-reply-${entryId}`} messages={errors.reply ?? errors._form} />
    </div>
  );
}

export function SummaryForm({ month, initial }: { month: string; initial: string }) {
  const t = useTranslations('opinions');
  const [text, setText] = useState(initial);
  const { errors, pending, run } = useAct();
  return (
    <div className="space-y-2">
      <Textarea aria-label={t('suggestions')} placeholder={t('suggestions')} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!errors.suggestions} />
      <FieldError id="err-suggestions" messages={errors.suggestions ?? errors.month ?? errors._form} />
      <Button disabled={pending} onClick={() => run(() => sendOpinionSummary({ month, suggestions: text }))}>
        {t('send')}
      </Button>
    </div>
  );
}
