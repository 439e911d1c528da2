// format — how numbers, money, rates and dates are shown.
//
//   fmtDate(v)              'YYYY-MM-DD'. A 'YYYY-MM-DD HH:MM:SS' server timestamp (UTC) is shown in local time;
//                           a plain 'YYYY-MM-DD' date is shown as is. Date objects are accepted.
//   fmtDateTime(v)          'YYYY-MM-DD HH:MM' in local time (server timestamps are UTC)
//   parseServerTime(s)      Date from a server timestamp ('YYYY-MM-DD HH:MM:SS', UTC) or null
//   roundHalfUp(x, digits)  decimal rounding, half away from zero (1.25 → 1.3, -1.25 → -1.3)
//   fmtNumber(x, digits?)   thousands separators, fixed digits when given ('12,345.6')
//   fmtWan(x, digits=0..2)  money stored in 万元: '1,234.5 万元'
//   wanToYi(x)              万元 → 亿元 (1 亿元 = 10,000 万元)
//   fmtYi(wan, digits=1)    '61.3 亿元' from an amount in 万元
//   fmtMoney(wan)           万元 below 1 亿, 亿元 from 1 亿 up
//   rate(num, den, digits=1) percentage rounded half up, exact for integer counts; null when den is 0
//   fmtRate(num, den)       '85.4%' (or '—' when den is 0)
//   fmtPercent(x, digits=1) '12.5%' from a percentage value
//   fmtSize(bytes)          '512 B', '12.3 KB', '4.5 MB'

import { getLang } from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');
const DASH = '—';

export function parseServerTime(s) {
  if (s instanceof Date) return s;
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)));
}

export function fmtDate(v) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = v instanceof Date ? v : parseServerTime(v);
  if (!d || isNaN(d)) return String(v);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function fmtDateTime(v) {
  if (v === null || v === undefined || v === '') return '';
  const d = v instanceof Date ? v : parseServerTime(v);
  if (!d || isNaN(d)) return String(v);
  return `${fmtDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function roundHalfUp(x, digits = 0) {
  x = Number(x);
  if (!isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // Shift by exponent notation, not by multiplying, so that 1.005 → 1.01 and not 1.00.
  const abs = String(Math.abs(x));
  if (abs.includes('e')) return sign * Math.round(Math.abs(x) * 10 ** digits) / 10 ** digits;
  const shifted = Math.round(Number(abs + 'e' + digits));
  return sign * Number(shifted + 'e-' + digits);
}

export function fmtNumber(x, digits) {
  if (x === null || x === undefined || x === '' || !isFinite(Number(x))) return '';
  const n = digits === undefined ? Number(x) : roundHalfUp(x, digits);
  return n.toLocaleString(getLang() === 'en' ? 'en-US' : 'zh-CN', digits === undefined
    ? { maximumFractionDigits: 6 }
    : { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtWan(x, digits) {
  if (x === null || x === undefined || x === '') return '';
  const s = digits === undefined ? fmtNumber(roundHalfUp(x, 2)) : fmtNumber(x, digits);
  return getLang() === 'en' ? `${s} × 10k CNY` : `${s} 万元`;
}

export function wanToYi(x) { return Number(x) / 10000; }

export function fmtYi(wan, digits = 1) {
  if (wan === null || wan === undefined || wan === '') return '';
  const s = fmtNumber(wanToYi(wan), digits);
  return getLang() === 'en' ? `${s} × 100M CNY` : `${s} 亿元`;
}

export function fmtMoney(wan) {
  if (wan === null || wan === undefined || wan === '') return '';
  return Math.abs(Number(wan)) >= 10000 ? fmtYi(wan, 2) : fmtWan(wan);
}

export function rate(num, den, digits = 1) {
  num = Number(num); den = Number(den);
  if (!den || !isFinite(num) || !isFinite(den)) return null;
  if (Number.isInteger(num) && Number.isInteger(den) && num >= 0 && den > 0 && digits >= 0 && digits <= 6) {
    // exact integer arithmetic: units of 10^-digits percent, half up
    const scale = 100 * 10 ** digits;
    const units = Math.floor((2 * num * scale + den) / (2 * den));
    return units / 10 ** digits;
  }
  return roundHalfUp((num / den) * 100, digits);
}

export function fmtRate(num, den, digits = 1) {
  const r = rate(num, den, digits);
  return r === null ? DASH : `${r.toFixed(digits)}%`;
}

export function fmtPercent(x, digits = 1) {
  if (x === null || x === undefined || x === '' || !isFinite(Number(x))) return DASH;
  return `${roundHalfUp(x, digits).toFixed(digits)}%`;
}

export function fmtSize(n) {
  if (n === null || n === undefined) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmtNumber(n / 1024, 1)} KB`;
  return `${fmtNumber(n / 1024 / 1024, 1)} MB`;
}
