'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Save as draft, or submit (the form's submit button). */
export function SaveButtons({ pending, onDraft }: { pending: boolean; onDraft: () => void }) {
  const t = useTranslations('reports');
  return (
    <div className="flex gap-2">
      <Button type="button" variant="outline" className="min-h-11 flex-1" disabled={pending} onClick={onDraft}>
        {t('saveDraft')}
      </Button>
      <Button type="submit" className="min-h-11 flex-1" disabled={pending}>
        {t('submit')}
      </Button>
    </div>
  );
}
