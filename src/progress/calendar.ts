// Local calendar days: "today", "tomorrow", streak days and the exam date are days of the
// learner's own calendar, built from calendar fields so they survive daylight saving.
import { isCalendarDate } from './events.js';

/** Local midnight of `date`'s day, shifted by `days` (DST-safe: built from calendar fields). */
export function startOfLocalDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** 'YYYY-MM-DD' of `date` in local time. */
export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a 'YYYY-MM-DD' date, or undefined when it is not one. */
export function parseLocalDate(text: string | undefined): Date | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** `text` when it is a real calendar date written YYYY-MM-DD, else null. */
export function checkExamDate(text: string): string | null {
  return isCalendarDate(text) ? text : null;
}

/** Whether a 'YYYY-MM-DD' exam date is before today (local). */
export function examDatePassed(date: string, now: Date): boolean {
  const day = parseLocalDate(date);
  return day !== undefined && day.getTime() < startOfLocalDay(now).getTime();
}

/**
 * Consecutive local days with any activity (`days`: local day → events that day), ending
 * today, or ending yesterday when nothing happened yet today.
 */
export function streakFromDays(days: Readonly<Record<string, number>>, now: Date): number {
  const active = (date: Date) => (days[localDayKey(date)] ?? 0) > 0;
  let cursor = startOfLocalDay(now);
  if (!active(cursor)) cursor = startOfLocalDay(now, -1);
  let streak = 0;
  while (active(cursor)) {
    streak++;
    cursor = startOfLocalDay(cursor, -1);
  }
  return streak;
}
