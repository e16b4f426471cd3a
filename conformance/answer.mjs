// SPDX-License-Identifier: MIT
// The JavaScript runners' shared part (conformance/README.md): each vector answered through
// the npm package, `vb`, and compared with its `expect`. Plain ES, no Node API, so that
// run_node.mjs imports it in Node and run_chromium.mjs serves it to a page in Chromium.
// Each op calls the package's camelCase function on values built by its factories; the
// model is run_python.py.

export const MAX_SHOWN = 20; // failures printed in full before the summary line

// What the package does not bind (docs/javascript.md's "Not bound" list): skipped, by op.
export const NOT_BOUND = ['upgrade_charge_breakdown', 'sweep_ranges', 'pro_rata', 'shortest_term_days', 'add', 'subtract'];

/** The vectors of a parsed file, after checking its header; throws on a wrong file. */
export function vectorsOf(doc) {
  if (doc.format !== 'voip-bundle conformance vectors' || doc.version !== 1) throw new Error('not version 1 of the conformance vectors');
  if (doc.count !== doc.vectors.length) throw new Error(`count ${doc.count} but ${doc.vectors.length} vectors`);
  return doc.vectors;
}

/** A text field: a string (the package sends it as UTF-8), or the bytes of `name`_base64. */
function text(i, name = 'body') {
  if (name in i) return i[name];
  return Uint8Array.from(atob(i[`${name}_base64`]), (c) => c.charCodeAt(0));
}

/** The vectors' values to the package's and back: the package's factories make each one. */
function values(vb) {
  const policy = (p) => vb.makeRenewalPolicy(p.month_end, p.term_months, p.renew_days_before, p.renew_days_after);
  const policyJson = (p) => ({ month_end: p.monthEnd, term_months: p.termMonths, renew_days_before: p.renewDaysBefore,
    renew_days_after: p.renewDaysAfter });
  const prices = (p) => (p === null ? null : vb.makePriceList(p));
  const pricesJson = (p) => Object.fromEntries([1, 2, 3, 4, 5].map((t) => [String(t), p[t]]));
  const context = (c) => vb.makeContext(c.today, policy(c.policy), prices(c.prices), c.balance);
  const contextJson = (c) => ({ today: c.today, policy: policyJson(c.policy), prices: c.prices === null ? null : pricesJson(c.prices),
    balance: c.balance });
  const bundle = (b) => vb.makeBundle(b.uuid, b.created_on, b.expires_on, b.bundle_type, b.auto_renew);
  const bundleJson = (b) => ({ auto_renew: b.autoRenew, bundle_type: b.bundleType, expires_on: b.expiresOn, uuid: b.uuid,
    created_on: b.createdOn });
  const request = (r) => vb.makeRequest(r.bundle_type, r.auto_renew);
  const requestJson = (r) => ({ bundle_type: r.bundleType, auto_renew: r.autoRenew });
  const decisionJson = (d) => ({ bundle: bundleJson(d.bundle), charge: d.charge });
  return { policy, policyJson, prices, pricesJson, context, contextJson, bundle, bundleJson, request, requestJson,
    decisionJson };
}

/** One function an op, as run_python.py's OPS. */
function operations(vb, { policy, policyJson, pricesJson, context, contextJson, bundle, bundleJson, request, requestJson,
  decisionJson }) {
  const checked = (ok) => {
    if (ok !== true) throw new Error(`a check returned ${ok}, not true`);
    return null;
  };
  const envelope = (i) => {
    const e = 'error' in i ? vb.errorEnvelope(i.error) : vb.successEnvelope(i.operation, bundle(i.bundle));
    return vb.toString(e, { layout: i.layout, detail: i.detail === 'on' });
  };
  const status = (error) => {
    const s = vb.status(error);
    return { status: s, status_message: vb.statusMessage(s) };
  };
  return {
    // term
    first_expiry: (i) => vb.firstExpiry(i.start, policy(i.policy)),
    add_term: (i) => vb.addTerm({ from: i.from, anchor: i.anchor, policy: policy(i.policy) }),
    next_expiry: (i) => vb.nextExpiry(bundle(i.bundle), policy(i.policy)),
    term_start: (i) => vb.termStart({ createdOn: i.created_on, termEnd: i.term_end, policy: policy(i.policy) }),
    // window, feature
    state_on: (i) => vb.stateOn({ expiresOn: i.expires_on, day: i.day, policy: policy(i.policy) }),
    renewal_window: (i) => ({ ...vb.renewalWindow(i.expires_on, policy(i.policy)) }),
    can_renew: (i) => checked(vb.canRenew(bundle(i.bundle), i.day, policy(i.policy))),
    features_on: (i) => [...vb.featuresOn(bundle(i.bundle), i.day, policy(i.policy))],
    check_feature: (i) => checked(vb.checkFeature(i.bundle === null ? null : bundle(i.bundle), i.feature, i.day, policy(i.policy))),
    // sweep: sweep_totals is `sweep`'s totals (api.md: "the totals alone, as sweep would count them")
    sweep_action: (i) => vb.sweepAction({ expiresOn: i.expires_on, autoRenew: i.auto_renew, day: i.day, policy: policy(i.policy) }),
    sweep_totals: (i) => ({ ...vb.sweep(i.bundles.map(bundle), i.day, policy(i.policy)) }),
    // charge
    quote_create: (i) => decisionJson(vb.quoteCreate(request(i.request), i.uuid, context(i.context))),
    create: (i) => decisionJson(vb.create(request(i.request), i.uuid, context(i.context))),
    quote_update: (i) => decisionJson(vb.quoteUpdate(bundle(i.bundle), request(i.request), context(i.context))),
    update: (i) => decisionJson(vb.update(bundle(i.bundle), request(i.request), context(i.context))),
    quote_renew: (i) => decisionJson(vb.quoteRenew(bundle(i.bundle), context(i.context))),
    renew: (i) => decisionJson(vb.renew(bundle(i.bundle), context(i.context))),
    // decode, envelope
    parse_create: (i) => requestJson(vb.parseCreate(text(i))),
    parse_update: (i) => {
      const u = vb.parseUpdate(i.uuid, text(i));
      return { uuid: u.uuid, request: requestJson(u.request) };
    },
    parse_renew: (i) => vb.parseRenew(i.uuid),
    to_string: envelope,
    // value
    make_bundle: (i) => bundleJson(vb.makeBundle(i.uuid, i.created_on, i.expires_on, i.bundle_type, i.auto_renew)),
    make_renewal_policy: (i) => policyJson(policy(i)),
    make_context: (i) => contextJson(context(i)),
    status: (i) => status(i.error),
    allowed_operations: (i) => [...vb.allowedOperations(i.state)],
    parse_iso_date: (i) => vb.parseIsoDate(i.text),
    parse_uuid: (i) => vb.parseUuid(i.text),
    decode_prices: (i) => pricesJson(vb.decodePrices(text(i))),
    decode_bundle: (i) => bundleJson(vb.decodeBundle(text(i))),
    encode_bundle: (i) => vb.encodeBundle(bundle(i.bundle)),
  };
}

/** An API call as a host makes it: decode (uuid, then body), find, decide, envelope. */
function call(vb, { context, bundle, bundleJson }, op, i) {
  const stored = new Map(i.stored.map(bundle).map((b) => [b.uuid, b]));
  const find = (uuid) => stored.get(uuid);
  const c = context(i.context);
  let d;
  try {
    if (op === 'create') {
      d = vb.create(vb.parseCreate(text(i)), i.uuid, c);
    } else if (op === 'update') {
      const u = vb.parseUpdate(i.uuid, text(i));
      d = vb.handleUpdate(u.uuid, u.request, find, c);
    } else {
      d = vb.handleRenew(vb.parseRenew(i.uuid), find, c);
    }
  } catch (e) {
    if (!(e instanceof vb.RuleError)) throw e;
    d = e;
  }
  const env = vb.makeEnvelope(op, d);
  const ok = !(d instanceof vb.RuleError);
  return { status: env.status, error: ok ? null : d.error, envelope: vb.toString(env), charge: ok ? d.charge : null,
    bundle: ok ? bundleJson(d.bundle) : null };
}

/** The answer of the package `vb` to a vector: {result} or {error, status}, as in `expect`. */
export function answerer(vb) {
  const v = values(vb);
  const ops = operations(vb, v);
  return (vector) => {
    if (vector.kind === 'call') return { result: call(vb, v, vector.op, vector.input) };
    try {
      return { result: ops[vector.op](vector.input) };
    } catch (e) {
      if (e instanceof vb.RuleError) return { error: e.error, status: e.status };
      throw e;
    }
  };
}

/** JSON text with members sorted, so that equal JSON values give equal texts. */
export function canonical(x) {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`).join(',')}}`;
  }
  if (typeof x === 'bigint') return String(x);
  return JSON.stringify(x);
}

/** Runs every vector the package can take: {passed, failed, shown (the first failures), skipped (by op)}. */
export function run(vb, vectors) {
  const answer = answerer(vb);
  const out = { passed: 0, failed: 0, shown: [], skipped: {} };
  for (const v of vectors) {
    if (NOT_BOUND.includes(v.op) && v.kind !== 'call') {
      out.skipped[v.op] = (out.skipped[v.op] ?? 0) + 1;
      continue;
    }
    let got;
    try {
      got = canonical(answer(v));
    } catch (e) {
      got = `${e?.name}: ${e?.message}`;
    }
    const want = canonical(v.expect);
    if (got === want) {
      out.passed++;
    } else if (++out.failed <= MAX_SHOWN) {
      out.shown.push(`FAIL ${v.id}: want ${want}, got ${got}`);
    }
  }
  return out;
}

/** The runner's one line: `RUNNER: N passed, M failed (what it skipped)`. */
export function summary(runner, r) {
  const skipped = Object.entries(r.skipped).map(([op, n]) => `${n} ${op}`);
  const total = Object.values(r.skipped).reduce((a, n) => a + n, 0);
  const note = total ? ` (${total} skipped, not bound in the package: ${skipped.join(', ')})` : '';
  return `${runner}: ${r.passed} passed, ${r.failed} failed${note}`;
}
