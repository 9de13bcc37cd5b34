'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Prefill, PrefillShop } from '@/db/queries/prefill';
import {
  deleteDraft,
  draftKey,
  getDraft,
  getPrefillCached,
  listOutbox,
  putOutbox,
  saveDraft,
  savePrefill,
  type OutboxItem,
  type VisitDraft,
} from '@/lib/offline/store';
import { sendOne } from '@/lib/offline/sync';
import { dateInTz, timeInTz } from '@/lib/time';
import type { VisitSubmissionInput } from '@/lib/visits/schema';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { ToggleChip } from '@/components/ui/toggle-chip';
import { cn } from '@/lib/utils';

type Common = Omit<Prefill, 'shops'>;
type Loaded = { common: Common; shop: PrefillShop };
type Errors = Record<string, string[]>;
type Phase = 'loading' | 'missing' | 'editing' | 'sending' | 'queued' | 'done';

const SECTION_KEYS = ['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'] as const;
const TOPICS = ['policy', 'brand', 'supply', 'newBrand', 'technique'] as const;

function uuid(): string {
  // randomUUID needs a secure context; a phone on plain http over the LAN has only getRandomValues
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  // older phones: RFC 4122 v4 from getRandomValues
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function newDraft(shop: PrefillShop, day: string): VisitDraft {
  const last = new Map(shop.lastLines.map((l) => [l.specId, l]));
  const keyLines = shop.keySpecIds.map((specId) => {
    const prior = last.get(specId);
    return { specId, stock: prior ? String(prior.stock) : '', onCounter: prior?.onCounter ?? false, priceTagOk: prior?.priceTagOk ?? false, isKey: true };
  });
  const keySet = new Set(shop.keySpecIds);
  const otherLines = shop.lastLines
    .filter((l) => !keySet.has(l.specId))
    .map((l) => ({ specId: l.specId, stock: String(l.stock), onCounter: l.onCounter, priceTagOk: l.priceTagOk, isKey: false }));
  return {
    key: draftKey(shop.id, day),
    clientId: uuid(),
    retailerId: shop.id,
    day,
    startedAt: null,
    endedAt: null,
    sections: {
      ask: { done: false },
      look: { done: false, stockReasonable: true, displayTidy: true, tagsComplete: true, tagsMatch: true },
      introduce: { done: false, topics: [] },
      tidy: { done: false, counter: false, display: false, priceTags: false },
      collect: { done: false },
      answer: { done: false },
      record: { done: false, handbook: false },
    },
    illegalFound: false,
    illegalNote: '',
    lines: [...keyLines, ...otherLines],
    orderLines: [],
    infoItems: [],
    complaints: [],
    updatedAt: new Date().toISOString(),
  };
}

function toPayload(d: VisitDraft, endedAt: string): VisitSubmissionInput {
  const int = (s: string) => (s.trim() === '' || !/^-?\d+$/.test(s.trim()) ? Number.NaN : Number(s.trim()));
  return {
    clientId: d.clientId,
    retailerId: d.retailerId,
    startedAt: d.startedAt ?? '',
    endedAt,
    deviceSentAt: new Date().toISOString(),
    sections: d.sections,
    illegalFound: d.illegalFound,
    illegalNote: d.illegalNote || undefined,
    stockLines: d.lines.map((l) => ({ specId: l.specId, stock: int(l.stock), onCounter: l.onCounter, priceTagOk: l.priceTagOk })),
    orderLines: d.orderLines.map((l) => ({ specId: l.specId, qty: int(l.qty) })),
    infoItems: d.infoItems.map((i) => ({ kind: i.kind as 'market', note: i.note })),
    complaints: d.complaints.map((c) => ({ category: c.category, description: c.description })),
  };
}

async function loadPrefill(retailerId: number, day: string): Promise<Loaded | null> {
  const pick = (data: Prefill | undefined) => {
    const shop = data?.shops.find((s) => s.id === retailerId);
    if (!data || !shop) return null;
    const { shops: _shops, ...common } = data;
    return { common, shop };
  };
  const shopKey = `shop:${retailerId}:${day}`;
  if (navigator.onLine) {
    try {
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), 5000);
      const res = await fetch(`/api/v1/prefill?retailer=${retailerId}`, { signal: ctrl.signal, credentials: 'same-origin' });
      clearTimeout(timer);
      if (res.ok) {
        const data = (await res.json()) as Prefill;
        await savePrefill(shopKey, data);
        return pick(data);
      }
      if (res.status === 404) return null;
    } catch {
      /* weak network: fall back to what the device has */
    }
  }
  return pick((await getPrefillCached(shopKey))?.data) ?? pick((await getPrefillCached(`day:${day}`))?.data);
}

export type ShopHeader = { id: number; name: string; routeName: string; grade: number; address: string };

export function VisitForm({ initialShop }: { initialShop?: ShopHeader }) {
  const t = useTranslations('visit');
  const [phase, setPhase] = useState<Phase>('loading');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [result, setResult] = useState<OutboxItem | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [online, setOnline] = useState(true);
  const saveChain = useRef(Promise.resolve());

  useEffect(() => {
    const r = Number(new URLSearchParams(window.location.search).get('r'));
    const day = dateInTz(new Date());
    setOnline(navigator.onLine);
    (async () => {
      if (!Number.isSafeInteger(r) || r <= 0) return setPhase('missing');
      const data = await loadPrefill(r, day);
      if (!data) return setPhase('missing');
      setLoaded(data);
      const key = draftKey(r, day);
      const queued = (await listOutbox(day)).filter((i) => i.draftKey === key);
      const waiting = queued.find((i) => i.state === 'pending');
      const refused = queued.find((i) => i.state === 'rejected');
      const existing = await getDraft(key);
      if (waiting) {
        setResult(waiting);
        setPhase('queued');
        return;
      }
      if (refused && existing && existing.clientId === refused.clientId) {
        setErrors(refused.fieldErrors ?? {});
        setFormMessage(refused.message ?? t('fixErrors'));
      }
      setDraft(existing ?? newDraft(data.shop, day));
      setPhase('editing');
    })();
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
      clearInterval(tick);
    };
  }, [t]);

  // every change is on the device before the next one: a reload or a dead battery loses nothing
  const update = useCallback((fn: (d: VisitDraft) => VisitDraft) => {
    setDraft((prev) => {
      if (!prev) return prev;
      const next = fn(prev);
      saveChain.current = saveChain.current.then(() => saveDraft(next)).catch(() => {});
      return next;
    });
  }, []);

  const specName = useMemo(() => {
    const m = new Map(loaded?.common.specs.map((s) => [s.id, s.name]) ?? []);
    return (id: number) => m.get(id) ?? `#${id}`;
  }, [loaded]);

  if (phase === 'loading') {
    // the server already knows the shop when online: show it at once, the form follows
    return (
      <div className="space-y-3">
        {initialShop && (
          <header className="space-y-1">
            <h1 className="text-xl font-semibold" data-testid="visit-shop-initial">
              {initialShop.name}
            </h1>
            <p className="text-sm text-muted-foreground">
              {initialShop.routeName} · {t('grade', { grade: initialShop.grade })} · {initialShop.address}
            </p>
          </header>
        )}
        <p className="p-6 text-center text-muted-foreground">{t('loading')}</p>
      </div>
    );
  }
  if (phase === 'missing' || !loaded) {
    return (
      <div className="space-y-4 p-6 text-center">
        <p>{t('notFound')}</p>
        <Button asChild variant="outline">
          <a href="/today">{t('back')}</a>
        </Button>
      </div>
    );
  }

  const { shop, common } = loaded;

  if ((phase === 'queued' || phase === 'done') && result) {
    const synced = result.state === 'synced';
    return (
      <div className="space-y-4" data-testid="visit-result">
        <h1 className="text-xl font-semibold">{t('savedTitle')}</h1>
        <p className="font-medium">{shop.name}</p>
        <p data-testid="visit-sync-state" data-state={result.state} className={cn('rounded-md p-3 text-sm', synced ? 'bg-success/10 text-success' : 'bg-warning/10 text-warning')}>
          {synced ? t('status.synced') : t('status.pending')}
        </p>
        <Button asChild size="lg" className="w-full">
          <a href="/today">{t('nextShop')}</a>
        </Button>
      </div>
    );
  }
  if (!draft) return null;

  const started = draft.startedAt ? Date.parse(draft.startedAt) : null;
  const minutes = started ? Math.max(0, Math.floor((now - started) / 60000)) : 0;
  const short = started !== null && minutes < common.settings.shortVisitMinutes;
  const err = (path: string) => errors[path];
  const describedBy = (path: string) => (errors[path] ? `err-${path}` : undefined);
  const usedSpecs = new Set(draft.lines.map((l) => l.specId));
  const usedOrderSpecs = new Set(draft.orderLines.map((l) => l.specId));

  async function finish() {
    if (!draft) return;
    if (!draft.startedAt) {
      setErrors({ startedAt: [t('mustStart')] });
      return;
    }
    const endedAt = draft.endedAt ?? new Date().toISOString();
    const payload = toPayload(draft, endedAt);
    // the schema (and zod) load on the first submit, not with the page: the form opens faster
    // on a weak network. If it cannot load offline, the server's check still applies.
    const parsed = await import('@/lib/visits/schema')
      .then(({ visitSubmissionSchema }) => visitSubmissionSchema.safeParse(payload))
      .catch(() => ({ success: true as const }));
    if (!parsed.success) {
      const fe: Errors = {};
      for (const issue of parsed.error.issues) (fe[issue.path.join('.') || '_form'] ??= []).push(issue.message);
      setErrors(fe);
      setFormMessage(t('fixErrors'));
      return;
    }
    const finished = { ...draft, endedAt };
    update(() => finished);
    await saveChain.current;
    setErrors({});
    setFormMessage(null);
    setPhase('sending');
    const item: OutboxItem = {
      clientId: draft.clientId,
      draftKey: draft.key,
      retailerId: shop.id,
      retailerName: shop.name,
      day: draft.day,
      payload,
      state: 'pending',
      createdAt: new Date().toISOString(),
    };
    await putOutbox(item);
    const outcome = await sendOne(item);
    if (outcome === 'synced') {
      await deleteDraft(draft.key);
      setResult({ ...item, state: 'synced' });
      setPhase('done');
    } else if (outcome === 'rejected') {
      const refused = (await listOutbox(draft.day)).find((i) => i.clientId === item.clientId);
      setErrors(refused?.fieldErrors ?? {});
      setFormMessage(refused?.message ?? t('fixErrors'));
      setPhase('editing');
    } else {
      setResult(item);
      setPhase('queued');
    }
  }

  const section = (key: (typeof SECTION_KEYS)[number], body?: React.ReactNode) => (
    <section key={key} aria-labelledby={`sec-${key}`} className="space-y-3 rounded-lg border bg-card p-3" data-section={key}>
      <div className="flex items-center gap-2">
        <span className="flex size-8 items-center justify-center rounded-full bg-primary text-sm font-bold text-primary-foreground" aria-hidden>
          {t(`sections.${key}`)}
        </span>
        <h2 id={`sec-${key}`} className="flex-1 font-semibold">
          {t(`sectionNames.${key}`)}
        </h2>
        <ToggleChip
          pressed={draft.sections[key].done}
          onPressedChange={(v) => update((d) => ({ ...d, sections: { ...d.sections, [key]: { ...d.sections[key], done: v } } }))}
          aria-label={`${t(`sectionNames.${key}`)} ${t('done')}`}
        >
          {draft.sections[key].done ? t('done') : t('notDone')}
        </ToggleChip>
      </div>
      {body}
    </section>
  );

  const flag = (
    label: string,
    value: boolean | undefined,
    set: (v: boolean) => void,
  ) => (
    <ToggleChip pressed={!!value} onPressedChange={set}>
      {label}
    </ToggleChip>
  );

  const setSection = <K extends (typeof SECTION_KEYS)[number]>(key: K, patch: Partial<VisitDraft['sections'][K]>) =>
    update((d) => ({ ...d, sections: { ...d.sections, [key]: { ...d.sections[key], ...patch } } }));

  return (
    <div className="space-y-3 pb-28">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold" data-testid="visit-shop">
          {shop.name}
        </h1>
        <p className="text-sm text-muted-foreground">
          {shop.routeName} · {t('grade', { grade: shop.grade })} · {shop.address}
        </p>
        {!online && <p className="rounded-md bg-warning/10 p-2 text-sm text-warning">{t('offlineNotice')}</p>}
        {draft.startedAt && (
          <p className="text-sm" data-testid="visit-started">
            {t('started', { time: timeInTz(new Date(draft.startedAt)) })} · {t('elapsed', { minutes })}
          </p>
        )}
        <FieldError id="err-startedAt" messages={err('startedAt')} />
      </header>

      {formMessage && (
        <p role="alert" className="rounded-md bg-destructive/10 p-3 text-sm text-destructive" data-testid="visit-form-error">
          {formMessage}
        </p>
      )}

      {section('ask', (
        <Input
          aria-label={`${t('sectionNames.ask')} ${t('note')}`}
          placeholder={t('note')}
          value={draft.sections.ask.note ?? ''}
          onChange={(e) => setSection('ask', { note: e.target.value })}
        />
      ))}

      {section('look', (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-2">
            {flag(t('look.stockReasonable'), draft.sections.look.stockReasonable, (v) => setSection('look', { stockReasonable: v }))}
            {flag(t('look.displayTidy'), draft.sections.look.displayTidy, (v) => setSection('look', { displayTidy: v }))}
            {flag(t('look.tagsComplete'), draft.sections.look.tagsComplete, (v) => setSection('look', { tagsComplete: v }))}
            {flag(t('look.tagsMatch'), draft.sections.look.tagsMatch, (v) => setSection('look', { tagsMatch: v }))}
          </div>

          <div className="space-y-2" data-testid="stock-lines">
            <div className="flex items-baseline justify-between">
              <h3 className="font-medium">{t('stock.heading')}</h3>
              <p className="text-xs text-muted-foreground">
                {shop.lastVisitedAt ? t('stock.prefilled', { date: dateInTz(new Date(shop.lastVisitedAt)) }) : t('stock.noPrior')}
              </p>
            </div>
            <p className="text-xs text-muted-foreground">{t('stock.keyHint')}</p>
            <FieldError id="err-stockLines" messages={err('stockLines')} />
            <ul className="divide-y rounded-md border">
              {draft.lines.map((line, i) => {
                const path = `stockLines.${i}.stock`;
                return (
                  <li key={line.specId} className="space-y-2 p-2" data-spec={line.specId}>
                    <div className="flex items-center gap-2">
                      <label htmlFor={`stock-${line.specId}`} className="min-w-0 flex-1 truncate text-sm font-medium">
                        {line.isKey && (
                          <Badge variant="default" className="mr-1">
                            {t('stock.key')}
                          </Badge>
                        )}
                        {specName(line.specId)}
                      </label>
                      <Input
                        id={`stock-${line.specId}`}
                        className="w-24 text-right"
                        inputMode="numeric"
                        pattern="[0-9]*"
                        autoComplete="off"
                        aria-label={`${specName(line.specId)} ${t('stock.stock')}`}
                        aria-invalid={!!err(path)}
                        aria-describedby={describedBy(path)}
                        value={line.stock}
                        onChange={(e) => {
                          const v = e.target.value;
                          update((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, stock: v, changed: true } : l)) }));
                        }}
                      />
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <ToggleChip
                        pressed={line.onCounter}
                        aria-label={`${specName(line.specId)} ${t('stock.onCounter')}`}
                        onPressedChange={(v) => update((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, onCounter: v } : l)) }))}
                      >
                        {t('stock.onCounter')}
                      </ToggleChip>
                      <ToggleChip
                        pressed={line.priceTagOk}
                        aria-label={`${specName(line.specId)} ${t('stock.priceTag')}`}
                        onPressedChange={(v) => update((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, priceTagOk: v } : l)) }))}
                      >
                        {t('stock.priceTag')}
                      </ToggleChip>
                      {!line.isKey && (
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          className="ml-auto"
                          onClick={() => update((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }))}
                        >
                          {t('stock.remove')}
                        </Button>
                      )}
                    </div>
                    <FieldError id={`err-${path}`} messages={err(path) ?? err(`stockLines.${i}.specId`)} />
                  </li>
                );
              })}
            </ul>
            <NativeSelect
              aria-label={t('stock.add')}
              value=""
              onChange={(e) => {
                const specId = Number(e.target.value);
                if (specId) update((d) => ({ ...d, lines: [...d.lines, { specId, stock: '', onCounter: false, priceTagOk: false, isKey: false }] }));
              }}
            >
              <option value="">＋ {t('stock.add')}</option>
              {common.specs
                .filter((s) => !usedSpecs.has(s.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </NativeSelect>
          </div>

          <div className="space-y-2">
            {flag(t('look.illegal'), draft.illegalFound, (v) => update((d) => ({ ...d, illegalFound: v })))}
            {draft.illegalFound && (
              <>
                <Textarea
                  aria-label={t('look.illegalNote')}
                  placeholder={t('look.illegalNote')}
                  value={draft.illegalNote}
                  aria-invalid={!!err('illegalNote')}
                  aria-describedby={describedBy('illegalNote')}
                  onChange={(e) => update((d) => ({ ...d, illegalNote: e.target.value }))}
                />
                <FieldError id="err-illegalNote" messages={err('illegalNote')} />
              </>
            )}
          </div>
        </div>
      ))}

      {section('introduce', (
        <div className="flex flex-wrap gap-2">
          {TOPICS.map((topic) => {
            const topics = draft.sections.introduce.topics ?? [];
            return (
              <ToggleChip
                key={topic}
                pressed={topics.includes(topic)}
                onPressedChange={(v) => setSection('introduce', { topics: v ? [...topics, topic] : topics.filter((x) => x !== topic) })}
              >
                {t(`introduceTopics.${topic}`)}
              </ToggleChip>
            );
          })}
        </div>
      ))}

      {section('tidy', (
        <div className="flex flex-wrap gap-2">
          {flag(t('tidy.counter'), draft.sections.tidy.counter, (v) => setSection('tidy', { counter: v }))}
          {flag(t('tidy.display'), draft.sections.tidy.display, (v) => setSection('tidy', { display: v }))}
          {flag(t('tidy.priceTags'), draft.sections.tidy.priceTags, (v) => setSection('tidy', { priceTags: v }))}
        </div>
      ))}

      {section('collect', (
        <div className="space-y-2" data-testid="info-items">
          {draft.infoItems.map((item, i) => (
            <div key={i} className="space-y-2 rounded-md border p-2">
              <NativeSelect
                aria-label={t('info.kind')}
                value={item.kind}
                aria-invalid={!!err(`infoItems.${i}.kind`)}
                onChange={(e) => {
                  const kind = e.target.value as VisitDraft['infoItems'][number]['kind'];
                  update((d) => ({ ...d, infoItems: d.infoItems.map((x, j) => (j === i ? { ...x, kind } : x)) }));
                }}
              >
                <option value="">{t('info.choose')}</option>
                {(['monopoly', 'market', 'retailer_change', 'service_feedback'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`info.kinds.${k}`)}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={`err-infoItems.${i}.kind`} messages={err(`infoItems.${i}.kind`)} />
              <Textarea
                aria-label={t('info.note')}
                placeholder={t('info.note')}
                value={item.note}
                aria-invalid={!!err(`infoItems.${i}.note`)}
                onChange={(e) => {
                  const note = e.target.value;
                  update((d) => ({ ...d, infoItems: d.infoItems.map((x, j) => (j === i ? { ...x, note } : x)) }));
                }}
              />
              <FieldError id={`err-infoItems.${i}.note`} messages={err(`infoItems.${i}.note`)} />
              <Button type="button" variant="ghost" size="sm" onClick={() => update((d) => ({ ...d, infoItems: d.infoItems.filter((_, j) => j !== i) }))}>
                {t('remove')}
              </Button>
            </div>
          ))}
          <Button type="button" variant="outline" className="w-full" onClick={() => update((d) => ({ ...d, infoItems: [...d.infoItems, { kind: '', note: '' }] }))}>
            ＋ {t('info.add')}
          </Button>
        </div>
      ))}

      {section('answer', (
        <Textarea
          aria-label={t('answer.questions')}
          placeholder={t('answer.questions')}
          value={draft.sections.answer.questions ?? ''}
          onChange={(e) => setSection('answer', { questions: e.target.value })}
        />
      ))}

      {section('record', (
        <div className="space-y-3">
          {flag(t('record.handbook'), draft.sections.record.handbook, (v) => setSection('record', { handbook: v }))}

          <div className="space-y-2" data-testid="order-lines">
            <h3 className="font-medium">{t('order.heading')}</h3>
            {draft.orderLines.map((line, i) => {
              const limit = shop.supplyLimits[line.specId];
              const qty = Number(line.qty);
              const over = limit !== undefined && Number.isFinite(qty) && qty > limit;
              const path = `orderLines.${i}.qty`;
              return (
                <div key={line.specId} className="space-y-1 rounded-md border p-2">
                  <div className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate text-sm font-medium">{specName(line.specId)}</span>
                    <Input
                      className="w-24 text-right"
                      inputMode="numeric"
                      pattern="[0-9]*"
                      aria-label={`${specName(line.specId)} ${t('order.qty')}`}
                      aria-invalid={!!err(path)}
                      aria-describedby={describedBy(path)}
                      value={line.qty}
                      onChange={(e) => {
                        const v = e.target.value;
                        update((d) => ({ ...d, orderLines: d.orderLines.map((l, j) => (j === i ? { ...l, qty: v } : l)) }));
                      }}
                    />
                  </div>
                  <p className={cn('text-xs', over ? 'font-medium text-warning' : 'text-muted-foreground')} role={over ? 'alert' : undefined}>
                    {over ? `⚠ ${t('order.overLimit', { limit })}` : limit !== undefined ? t('order.limit', { limit }) : t('order.noLimit')}
                  </p>
                  <FieldError id={`err-${path}`} messages={err(path)} />
                  <Button type="button" variant="ghost" size="sm" onClick={() => update((d) => ({ ...d, orderLines: d.orderLines.filter((_, j) => j !== i) }))}>
                    {t('remove')}
                  </Button>
                </div>
              );
            })}
            <NativeSelect
              aria-label={t('order.add')}
              value=""
              onChange={(e) => {
                const specId = Number(e.target.value);
                if (specId) update((d) => ({ ...d, orderLines: [...d.orderLines, { specId, qty: '' }] }));
              }}
            >
              <option value="">＋ {t('order.add')}</option>
              {common.specs
                .filter((s) => !usedOrderSpecs.has(s.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {shop.supplyLimits[s.id] !== undefined ? `（${t('order.limit', { limit: shop.supplyLimits[s.id] })}）` : ''}
                  </option>
                ))}
            </NativeSelect>
          </div>

          <div className="space-y-2" data-testid="complaints">
            <h3 className="font-medium">{t('complaint.heading')}</h3>
            {draft.complaints.map((c, i) => (
              <div key={i} className="space-y-2 rounded-md border p-2">
                <NativeSelect
                  aria-label={t('complaint.category')}
                  value={c.category}
                  aria-invalid={!!err(`complaints.${i}.category`)}
                  onChange={(e) => {
                    const category = e.target.value;
                    update((d) => ({ ...d, complaints: d.complaints.map((x, j) => (j === i ? { ...x, category } : x)) }));
                  }}
                >
                  <option value="">{t('complaint.choose')}</option>
                  {common.categories.map((cat) => (
                    <option key={cat.code} value={cat.code}>
                      {cat.nameZh}
                    </option>
                  ))}
                </NativeSelect>
                <FieldError id={`err-complaints.${i}.category`} messages={err(`complaints.${i}.category`)} />
                <Textarea
                  aria-label={t('complaint.description')}
                  placeholder={t('complaint.description')}
                  value={c.description}
                  aria-invalid={!!err(`complaints.${i}.description`)}
                  onChange={(e) => {
                    const description = e.target.value;
                    update((d) => ({ ...d, complaints: d.complaints.map((x, j) => (j === i ? { ...x, description } : x)) }));
                  }}
                />
                <FieldError id={`err-complaints.${i}.description`} messages={err(`complaints.${i}.description`)} />
                <Button type="button" variant="ghost" size="sm" onClick={() => update((d) => ({ ...d, complaints: d.complaints.filter((_, j) => j !== i) }))}>
                  {t('remove')}
                </Button>
              </div>
            ))}
            <Button type="button" variant="outline" className="w-full" onClick={() => update((d) => ({ ...d, complaints: [...d.complaints, { category: '', description: '' }] }))}>
              ＋ {t('complaint.add')}
            </Button>
          </div>
        </div>
      ))}

      <div className="fixed inset-x-0 bottom-0 z-20 border-t bg-card p-3 shadow-lg">
        <div className="mx-auto flex max-w-xl items-center gap-3">
          <div className="min-w-0 flex-1 text-xs">
            <p className="text-muted-foreground" data-testid="draft-state">
              {phase === 'sending' ? t('status.syncing') : t('status.draft')}
            </p>
            {short && <p className="font-medium text-warning">{t('shortWarning', { minutes: common.settings.shortVisitMinutes })}</p>}
          </div>
          {draft.startedAt ? (
            <Button size="lg" onClick={finish} disabled={phase === 'sending'}>
              {phase === 'sending' ? t('ending') : t('end')}
            </Button>
          ) : (
            <Button
              size="lg"
              onClick={() => {
                setNow(Date.now());
                update((d) => ({ ...d, startedAt: new Date().toISOString() }));
              }}
            >
              {t('start')}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
