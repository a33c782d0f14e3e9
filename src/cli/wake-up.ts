/**
 * The wait of the streamed CLI's threads for a message: a loop awaits `wait()` until what it
 * needs has come (room, a credit, an item), and the message handler calls `wake()` as each comes.
 *
 * @module
 */

/** A waiter woken by `wake()`: `wait()` resolves at the next `wake()` (a `wake()` with no one waiting is lost, so wait in a loop on the condition). */
export interface WakeUp {
  wait(): Promise<void>;
  wake(): void;
}

/**
 * A new {@link WakeUp}.
 *
 * @example
 * ```ts
 * const signal = wakeUp();
 * let credit = 0;
 * setTimeout(() => { credit++; signal.wake(); }, 10);
 * while (credit === 0) await signal.wait();
 * credit; // => 1
 * ```
 */
export function wakeUp(): WakeUp {
  let resolve: (() => void) | undefined;
  return {
    wait: () => new Promise<void>((r) => (resolve = r)),
    wake: () => {
      resolve?.();
      resolve = undefined;
    },
  };
}
