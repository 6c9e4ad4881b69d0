// A synchronous sleep for the hook's short bounded waits (lock contention, a non-blocking stdin).

let cell: Int32Array | undefined;

export function sleepSync(ms: number): void {
  cell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(cell, 0, 0, ms);
}
