// The seal the egress gate puts on what it let through. Only gate.ts may import `seal` (an ESLint rule says so);
// every outbound sink checks `assertGated`, so an ungated value cannot leave, whatever its type says.
import { BatonError } from '../errors.js';

declare const GATED: unique symbol;
/** A value that went through the egress gate. The brand exists only for the type checker; the WeakSet is the proof. */
export type Gated<T extends object> = T & { readonly [GATED]: true };

const sealed = new WeakSet<object>();

export function seal<T extends object>(value: T): Gated<T> {
  sealed.add(value);
  return value as Gated<T>;
}

export function isGated(value: unknown): boolean {
  return value !== null && typeof value === 'object' && sealed.has(value);
}

/** Thrown (code `egress_ungated`) by a sink handed something that did not come out of the gate: a bug, never data. */
export function assertGated(value: unknown, sink: string): void {
  if (!isGated(value)) {
    throw new BatonError(
      'egress_ungated',
      `${sink}: refusing to send data that did not pass the egress gate`,
    );
  }
}
