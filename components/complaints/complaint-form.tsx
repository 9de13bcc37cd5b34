'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { registerComplaint } from '@/app/(app)/complaints/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';

type Option = { value: string; label: string };

export function ComplaintForm({ shops, categories, defaultShop }: { shops: Option[]; categories: Option[]; defaultShop?: number }) {
  const t = useTranslations('complaints');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  // one id per filled-in form: a double tap or a retry registers the complaint once
  const clientId = useRef<string>(crypto.randomUUID?.() ?? '');

  const field = (name: string) => ({
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `err-${name}` : undefined,
  });

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!navigator.onLine) {
          setErrors({ _form: [t('form.offline')] });
          return;
        }
        const data = new FormData(e.currentTarget);
        const input = {
          clientId: clientId.current,
          retailerId: Number(data.get('retailerId')) || undefined,
          source: String(data.get('source') ?? '') || undefined,
          category: String(data.get('category') ?? ''),
          description: String(data.get('description') ?? ''),
          contact: String(data.get('contact') ?? '') || undefined,
        };
        startTransition(async () => {
          const r = await registerComplaint(input);
          if (r.ok) {
            toast.success(t('form.saved', { number: r.data.number }));
            router.push('/complaints');
          } else {
            setErrors(r.fieldErrors ?? { _form: [r.message] });
          }
        });
      }}
    >
      <div className="space-y-2">
        <Label htmlFor="retailerId">{t('form.shop')}</Label>
        <NativeSelect id="retailerId" name="retailerId" defaultValue={defaultShop ?? ''} {...field('retailerId')}>
          <option value="">{t('form.chooseShop')}</option>
          {shops.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="err-retailerId" messages={errors.retailerId} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="source">{t('form.source')}</Label>
        <NativeSelect id="source" name="source" defaultValue="" {...field('source')}>
          <option value="">{t('form.chooseSource')}</option>
          {(['hotline', 'walk_in', 'opinion_book'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="err-source" messages={errors.source} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="category">{t('form.category')}</Label>
        <NativeSelect id="category" name="category" defaultValue="" {...field('category')}>
          <option value="">{t('form.chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="err-category" messages={errors.category} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="description">{t('form.description')}</Label>
        <Textarea id="description" name="description" {...field('description')} />
        <FieldError id="err-description" messages={errors.description} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="contact">{t('form.contact')}</Label>
        <Input id="contact" name="contact" {...field('contact')} />
        <FieldError id="err-contact" messages={errors.contact} />
      </div>
      <FieldError id="err-_form" messages={errors._form} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t('form.submitting') : t('form.submit')}
      </Button>
    </form>
  );
}
