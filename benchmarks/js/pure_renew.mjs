// A careful pure-JavaScript implementation of quoteRenew and the renew envelope, the
// reference bench_quote.mjs measures the npm package against. The same rule as the
// library's (RULES 3, 4, 8): inside [expires_on - before, expires_on + after] only, one term
// after the old expiry (clamp: created_on's day of month, clamped; overflow: the old
// expiry's day, rolling into the next month), the type's price per term, date_out_of_range
// past 9999-12-31; the envelope with the seed's members in order, compact. Careful means:
// the same frozen plain values and 'YYYY-MM-DD' strings as the package, plain Date UTC
// arithmetic on day numbers, month lengths by the leap-year rule, JSON.stringify.
const DAY_MS = 86400000;
const MESSAGES = { 400: 'Bad Request', 402: 'Payment Required', 404: 'Not Found' };

export class Refused extends Error {
  constructor(error, status) {
    super(error);
    this.error = error;
    this.status = status;
  }
}

const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y, m) => (m === 2 ? (leap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
function dayNumber(y, m, d) {  // days from 1970-01-01; Date.UTC maps years 0..99 to 1900..1999
  if (y >= 100) return Date.UTC(y, m - 1, d) / DAY_MS;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime() / DAY_MS;
}
const pad2 = (v) => (v < 10 ? '0' + v : '' + v);
const pad4 = (v) => (v >= 1000 ? '' + v : v.toString().padStart(4, '0'));
const iso = (y, m, d) => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
function isoOfDayNumber(n) {
  const t = new Date(n * DAY_MS);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
const fields = (s) => [+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)];

/** (bundle, context) -> {bundle, charge}; bundle and context as the package's plain objects. */
export function quoteRenew(b, c) {
  const p = c.policy;
  const [ey, em, ed] = fields(b.expiresOn);
  const [ty, tm, td] = fields(c.today);
  const e = dayNumber(ey, em, ed);
  const today = dayNumber(ty, tm, td);
  if (today < e - p.renewDaysBefore || today > e + p.renewDaysAfter) throw new Refused('outside_renewal_window', 400);
  const index = em - 1 + p.termMonths;
  const year = ey + Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year > 9999) throw new Refused('date_out_of_range', 400);
  const last = monthDays(year, month);
  let expiresOn;
  if (p.monthEnd === 'clamp') {
    const anchor = +b.createdOn.slice(8, 10);
    expiresOn = iso(year, month, anchor < last ? anchor : last);
  } else if (ed <= last) {
    expiresOn = iso(year, month, ed);
  } else {
    expiresOn = isoOfDayNumber(dayNumber(year, month, last) + ed - last);
  }
  const charge = c.prices ? c.prices[b.bundleType] : 0;
  return Object.freeze({ bundle: Object.freeze({ ...b, expiresOn }), charge });
}

export function renewEnvelope(b) {
  return JSON.stringify({ result: { auto_renew: b.autoRenew, bundle_type: b.bundleType, expires_on: b.expiresOn, uuid: b.uuid },
    status_code: 200, status_message: 'OK' });
}
export function errorEnvelope(e) {
  return JSON.stringify({ result: {}, status_code: e.status, status_message: MESSAGES[e.status] });
}
/** The measured call: quote the renewal and write its envelope. */
export function quoteAndAnswer(b, c) {
  try {
    return renewEnvelope(quoteRenew(b, c).bundle);
  } catch (e) {
    if (e instanceof Refused) return errorEnvelope(e);
    throw e;
  }
}
