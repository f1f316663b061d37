import { describe, expect, it, vi } from "vitest";
import { LoadDeadlineError, withDeadline } from "./load-deadline";

describe("an image load bounded in time", () => {
  it("turns a load that never settles into a deadline failure naming the delay", async () => {
    vi.useFakeTimers();
    try {
      const load = withDeadline(new Promise<never>(() => undefined), 20_000);
      const outcome = load.catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(20_000);
      const error = await outcome;
      expect(error).toBeInstanceOf(LoadDeadlineError);
      expect((error as LoadDeadlineError).seconds).toBe(20);
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes a load's own result or failure through when it settles in time", async () => {
    await expect(withDeadline(Promise.resolve("image"), 1000)).resolves.toBe("image");
    await expect(withDeadline(Promise.reject(new Error("decode")), 1000)).rejects.toThrow("decode");
  });
});
