import { describe, expect, it } from "vitest";
import { wakeUp } from "../../src/cli/wake-up.ts";

describe("wakeUp", () => {
  it("wakes a waiting loop once its condition holds, after as many wakes as it took", async () => {
    const signal = wakeUp();
    let credit = 0;
    let waits = 0;
    const taken = (async () => {
      while (credit < 3) {
        waits++;
        await signal.wait();
      }
      return credit;
    })();
    for (let k = 0; k < 3; k++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      credit++;
      signal.wake();
    }
    expect(await taken).toBe(3);
    expect(waits).toBe(3);
  });

  it("loses a wake with no one waiting: the loop checks its condition first", async () => {
    const signal = wakeUp();
    signal.wake();
    let woken = false;
    const waiting = signal.wait().then(() => (woken = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(woken).toBe(false);
    signal.wake();
    await waiting;
    expect(woken).toBe(true);
  });
});
