import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { complaintCategories, settings } from '@/db/schema';

/** The settings changed from their defaults, with when and by whom. */
export async function getSettingOverrides(db: Db) {
  return db.select({ key: settings.key, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy }).from(settings);
}

/** Every complaint category, inactive ones too (the entry forms list only active ones). */
export async function getAllComplaintCategories(db: Db) {
  return db
    .select({ code: complaintCategories.code, nameZh: complaintCategories.nameZh, nameEn: complaintCategories.nameEn, sort: complaintCategories.sort, active: complaintCategories.active })
    .from(complaintCategories)
    .orderBy(asc(complaintCategories.sort), asc(complaintCategories.code));
}
