/**
 * Field schemas the feature contracts share, defined once so a field means the same everywhere. Text comes in
 * two kinds on purpose: optText turns '' into null (a cleared optional field), keptText keeps '' as typed
 * (free text of a struggling-student file, where an emptied box is a deliberate edit).
 */
import { z } from 'zod';
import { isoDaySchema } from '../domain/dates';

export const id = z.number().int().positive();
export const optId = id.nullish().transform((v) => v ?? null);
export const isoDay = isoDaySchema;
/** An optional day: '' or missing is null. */
export const optDate = isoDay.nullish().or(z.literal('')).transform((v) => (v ? v : null));
/** 'YYYY-MM' of the routine check (message under routineMonthly). */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'routineMonthly.badMonth');
export const period = z.number().int().min(1, 'badPeriod').max(14, 'badPeriod');
/** Required text, trimmed. */
export const reqText = (max = 100) => z.string().trim().min(1, 'required').max(max, 'tooLong');
/** Optional text, trimmed; '' and missing are null. */
export const optText = (max = 200) => z.string().trim().max(max, 'tooLong').nullish().transform((v) => (v ? v : null));
/** Optional text, trimmed; '' is kept, missing is null. */
export const keptText = (max: number) => z.string().trim().max(max, 'tooLong').nullable().default(null);
