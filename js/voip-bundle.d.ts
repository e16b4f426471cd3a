// SPDX-License-Identifier: MIT
// Types of the npm package voip-bundle (docs/javascript.md). Every value is a frozen plain
// object; nothing needs delete(). A rule's refusal throws RuleError; bad JavaScript input
// throws TypeError (a wrong type) or RangeError (an unsafe integer, a Date outside 0001..9999).

/** 'YYYY-MM-DD' (results are always this), or a Date (its UTC day) as an argument. */
export type IsoDate = string;
export type Day = IsoDate | Date;
/** Integer minor units (cents), a safe integer. */
export type Money = number;
/** A bundle type's wire code: 1 business, 2 residential, 3 fax_only, 4 trunk_only, 5 forward_only. */
export type BundleTypeCode = 1 | 2 | 3 | 4 | 5;
export declare const BundleType: Readonly<{ business: 1; residential: 2; fax_only: 3; trunk_only: 4; forward_only: 5 }>;
export type MonthEnd = 'clamp' | 'overflow';
export type State = 'active' | 'renewal_open' | 'grace' | 'lapsed';
export type Operation = 'create' | 'update' | 'renew';
export type SweepAction = 'none' | 'renew' | 'lapsed';
export type Feature = 'sip_accounts' | 'audio' | 'phone_numbers' | 'call_records' | 'short_codes' | 'efax' | 'voicemail' |
  'caller_id' | 'sip_trunks' | 'wallboard' | 'phone_provisioning' | 'call_queueing';
export type JsonKind = 'absent' | 'null' | 'boolean' | 'integer' | 'big_integer' | 'number' | 'string' | 'array' | 'object';
export type ErrorName = 'invalid_json' | 'invalid_utf8' | 'body_too_large' | 'nesting_too_deep' | 'body_not_object' |
  'duplicate_member' | 'bundle_type_missing' | 'bundle_type_null' | 'bundle_type_not_integer' | 'bundle_type_not_integral' |
  'bundle_type_out_of_range' | 'auto_renew_null' | 'auto_renew_not_boolean' | 'malformed_uuid' | 'malformed_date' |
  'date_out_of_range' | 'invalid_policy' | 'invalid_bundle' | 'buffer_too_small' | 'outside_renewal_window' |
  'feature_not_in_type' | 'unknown_bundle' | 'insufficient_funds' | 'not_in_service' | 'insufficient_funds_on_create' |
  'charge_out_of_range' | 'amount_out_of_range' | 'fraction_out_of_range';

/** A rule's refusal: the library's error name and its HTTP status. */
export declare class RuleError extends Error {
  constructor(error: ErrorName, options?: { cause?: unknown });
  readonly name: 'RuleError';
  readonly error: ErrorName;
  readonly status: number;
}

export interface Bundle {
  readonly uuid: string;
  readonly createdOn: IsoDate;
  readonly expiresOn: IsoDate;
  readonly bundleType: BundleTypeCode;
  readonly autoRenew: boolean;
}
export interface RenewalPolicy {
  readonly monthEnd: MonthEnd;
  readonly termMonths: number;
  readonly renewDaysBefore: number;
  readonly renewDaysAfter: number;
}
export type PriceList = Readonly<Record<BundleTypeCode, Money>>;
export interface Context {
  readonly today: IsoDate;
  readonly policy: RenewalPolicy;
  readonly prices: PriceList | null;
  readonly balance: Money | null;
}
export interface Request {
  readonly bundleType: BundleTypeCode;
  readonly autoRenew: boolean;
}
export interface Decision {
  readonly bundle: Bundle;
  readonly charge: Money;
}
export interface RenewalWindow {
  readonly first: IsoDate;
  readonly last: IsoDate;
}
export interface SweepTotals {
  readonly none: number;
  readonly renew: number;
  readonly lapsed: number;
}
export interface Envelope {
  readonly status: number;
  readonly bundle: Bundle | null;
  readonly error: ErrorName | null;
}
export interface WriteOptions {
  layout?: 'compact' | 'pretty';
  detail?: boolean;
}
export interface RawField {
  readonly kind: JsonKind;
  readonly boolean: boolean;
  readonly integer: number | bigint;
}
export interface RawRequest {
  readonly autoRenew: RawField;
  readonly bundleType: RawField;
}
export interface UpdateCall {
  readonly uuid: string;
  readonly request: Request;
}
export type JsonText = string | Uint8Array;

// Values
export declare function makeBundle(uuid: string, createdOn: Day, expiresOn: Day, bundleType: number, autoRenew: boolean): Bundle;
export declare function withType(bundle: Bundle, bundleType: number, autoRenew: boolean): Bundle;
export declare function renewedUntil(bundle: Bundle, expiresOn: Day): Bundle;
export declare function makeRenewalPolicy(monthEnd?: MonthEnd, termMonths?: number, daysBefore?: number, daysAfter?: number): RenewalPolicy;
export declare function makePriceList(prices: Readonly<Record<number, Money>> | ReadonlyMap<number, Money>): PriceList;
export declare function makeContext(today: Day, policy?: RenewalPolicy, prices?: PriceList | null, balance?: Money | null): Context;
export declare function withToday(context: Context, today: Day): Context;
export declare function withBalance(context: Context, balance: Money | null): Context;
export declare function withPolicy(context: Context, policy: RenewalPolicy): Context;
export declare function makeRequest(bundleType: number, autoRenew?: boolean): Request;
export declare function bundleTypeFromCode(code: number): BundleTypeCode;
export declare function label(bundleType: number): string;
export declare function parseUuid(text: string): string;
export declare function parseIsoDate(text: string): IsoDate;
export declare function toIsoString(day: Day): IsoDate;
export declare function status(error: ErrorName): number;
export declare function statusMessage(status: number): string;
export declare const errorNames: readonly ErrorName[];
export declare const minDay: IsoDate;
export declare const maxDay: IsoDate;
export declare const maxAmount: Money;
export declare const version: string;

// Terms, window, states, sweep (a policy left out is the seed's)
/** Two days side by side are named, as C++ names them with ExpiresOn and CreatedOn. */
export declare function addTerm(days: { from: Day; anchor: Day; policy?: RenewalPolicy }): IsoDate;
export declare function firstExpiry(start: Day, policy?: RenewalPolicy): IsoDate;
export declare function nextExpiry(bundle: Bundle, policy?: RenewalPolicy): IsoDate;
export declare function termStart(days: { createdOn: Day; termEnd: Day; policy?: RenewalPolicy }): IsoDate;
export declare function termStart(bundle: Bundle, policy?: RenewalPolicy): IsoDate;
export declare function renewalWindow(expiresOn: Day, policy?: RenewalPolicy): RenewalWindow;
export declare function renewalWindow(bundle: Bundle, policyOrContext?: RenewalPolicy | Context): RenewalWindow;
export declare function canRenew(bundle: Bundle, context: Context): true;
export declare function canRenew(bundle: Bundle, day: Day, policy?: RenewalPolicy): true;
export declare function stateOn(bundle: Bundle, context: Context): State;
export declare function stateOn(bundle: Bundle, day: Day, policy?: RenewalPolicy): State;
export declare function stateOn(days: { expiresOn: Day; day: Day; policy?: RenewalPolicy }): State;
export declare function inService(state: State): boolean;
export declare function renewable(state: State): boolean;
export declare function allowedOperations(state: State): readonly Operation[];
export declare function sweepAction(bundle: Bundle, context: Context): SweepAction;
export declare function sweepAction(bundle: Bundle, day: Day, policy?: RenewalPolicy): SweepAction;
export declare function sweepAction(days: { expiresOn: Day; autoRenew: boolean; day: Day; policy?: RenewalPolicy }): SweepAction;
export declare function sweep(bundles: Iterable<Bundle>, day: Day, policy?: RenewalPolicy,
  onAction?: (bundle: Bundle, action: 'renew' | 'lapsed') => void): SweepTotals;

// Operations, charges, features
export declare function quoteCreate(request: Request, uuid: string, context: Context): Decision;
export declare function create(request: Request, uuid: string, context: Context): Decision;
export declare function quoteUpdate(bundle: Bundle, request: Request, context: Context): Decision;
export declare function update(bundle: Bundle, request: Request, context: Context): Decision;
export declare function quoteRenew(bundle: Bundle, context: Context): Decision;
export declare function renew(bundle: Bundle, context: Context): Decision;
export declare function handleUpdate(uuid: string, request: Request, find: (uuid: string) => Bundle | null | undefined, context: Context): Decision;
export declare function handleRenew(uuid: string, find: (uuid: string) => Bundle | null | undefined, context: Context): Decision;
export declare function upgradeCharge(bundle: Bundle, to: number, context: Context): Money;
export declare function affordable(charge: Money, context: Context): boolean;
export declare function toDecimalString(amount: Money, minorDigits?: number): string;
export declare function defaultFeatureTable(): Readonly<Record<BundleTypeCode, readonly Feature[]>>;
export declare function featuresOn(bundle: Bundle, context: Context): readonly Feature[];
export declare function featuresOn(bundle: Bundle, day: Day, policy?: RenewalPolicy): readonly Feature[];
export declare function checkFeature(bundle: Bundle | null, feature: Feature, context: Context): true;
export declare function checkFeature(bundle: Bundle | null, feature: Feature, day: Day, policy?: RenewalPolicy): true;
export declare function canCreateSipAccount(bundle: Bundle | null, dayOrContext: Day | Context, policy?: RenewalPolicy): true;
export declare function canCreateNumber(bundle: Bundle | null, dayOrContext: Day | Context, policy?: RenewalPolicy): true;

// Envelopes and JSON
export declare function errorEnvelope(error: RuleError | ErrorName): Envelope;
export declare function successEnvelope(operation: Operation, bundle: Bundle): Envelope;
export declare function makeEnvelope(operation: Operation, result: Decision | RuleError | ErrorName): Envelope;
export declare function toString(envelope: Envelope, options?: WriteOptions): string;
export declare function decodeRequest(body: JsonText): RawRequest;
export declare function validate(raw: RawRequest): Request;
export declare function parseRequest(body: JsonText): Request;
export declare function checkJsonObject(body: JsonText): true;
export declare function parseCreate(body: JsonText): Request;
export declare function parseUpdate(uuid: string, body: JsonText): UpdateCall;
export declare function parseRenew(uuid: string): string;
export declare function decodeBundle(line: JsonText): Bundle;
export declare function encodeBundle(bundle: Bundle): string;
export declare function decodePrices(text: JsonText): PriceList;
