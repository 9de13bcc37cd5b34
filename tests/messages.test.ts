import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/i18n/messages';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  it('Chinese and English have the same keys, none empty', async () => {
    const [zh, en] = await Promise.all([loadMessages('zh-CN'), loadMessages('en')]);
    const zk = keys(zh).sort();
    const ek = keys(en).sort();
    expect(zk.filter((k) => !ek.includes(k))).toEqual([]);
    expect(ek.filter((k) => !zk.includes(k))).toEqual([]);
    const empty = zk.filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zh) === '');
    expect(empty).toEqual([]);
  });
});
