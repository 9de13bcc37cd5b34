'use client';

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Prefill } from '@/db/queries/prefill';
import type { VisitSubmissionInput } from '@/lib/visits/schema';

// What stays on the phone: drafts from the first keystroke, finished visits until the server
// acknowledges them, and the day's pre-fill data, so a visit works with no network at all.

export type DraftLine = { specId: number; stock: string; onCounter: boolean; priceTagOk: boolean; isKey: boolean; changed?: boolean };

export type VisitDraft = {
  key: string; // `${retailerId}:${day}`
  clientId: string;
  retailerId: number;
  day: string;
  startedAt: string | null;
  endedAt: string | null;
  sections: VisitSubmissionInput['sections'];
  illegalFound: boolean;
  illegalNote: string;
  lines: DraftLine[];
  orderLines: { specId: number; qty: string }[];
  infoItems: { kind: '' | 'monopoly' | 'market' | 'retailer_change' | 'service_feedback'; note: string }[];
  complaints: { category: string; description: string }[];
  updatedAt: string;
};

export type OutboxState = 'pending' | 'synced' | 'rejected';
export type OutboxItem = {
  clientId: string;
  draftKey: string;
  retailerId: number;
  retailerName: string;
  day: string;
  payload: VisitSubmissionInput;
  state: OutboxState;
  visitId?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  createdAt: string;
  syncedAt?: string;
};

interface RoundsDb extends DBSchema {
  drafts: { key: string; value: VisitDraft };
  outbox: { key: string; value: OutboxItem; indexes: { byDay: string } };
  prefill: { key: string; value: { key: string; data: Prefill; savedAt: string } };
}

let dbPromise: Promise<IDBPDatabase<RoundsDb>> | undefined;
export function offlineDb() {
  dbPromise ??= openDB<RoundsDb>('rounds', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'key' });
      const outbox = db.createObjectStore('outbox', { keyPath: 'clientId' });
      outbox.createIndex('byDay', 'day');
      db.createObjectStore('prefill', { keyPath: 'key' });
    },
  });
  return dbPromise;
}

export const draftKey = (retailerId: number, day: string) => `${retailerId}:${day}`;

export async function getDraft(key: string) {
  return (await offlineDb()).get('drafts', key);
}
export async function saveDraft(draft: VisitDraft) {
  await (await offlineDb()).put('drafts', { ...draft, updatedAt: new Date().toISOString() });
}
export async function deleteDraft(key: string) {
  await (await offlineDb()).delete('drafts', key);
}

export async function savePrefill(key: string, data: Prefill) {
  await (await offlineDb()).put('prefill', { key, data, savedAt: new Date().toISOString() });
}
export async function getPrefillCached(key: string) {
  return (await offlineDb()).get('prefill', key);
}

export async function putOutbox(item: OutboxItem) {
  await (await offlineDb()).put('outbox', item);
  notify();
}
export async function listOutbox(day?: string) {
  const db = await offlineDb();
  return day ? db.getAllFromIndex('outbox', 'byDay', day) : db.getAll('outbox');
}
export async function getOutboxItem(clientId: string) {
  return (await offlineDb()).get('outbox', clientId);
}

export function notify() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event('rounds:outbox'));
}
