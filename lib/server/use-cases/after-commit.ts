import "server-only";
import { EffectCollector, type Effects } from "./effects";

/**
 * The effects of a write that committed without runUseCase's transaction: a single statement
 * that commits by itself, or work that must be done after the commit and before the
 * announcement. Sent at once, through the same flush (de-duplicated, failures logged).
 */
export function afterCommit(register: (effects: Effects) => void): void {
  const collector = new EffectCollector();
  register(collector);
  collector.flush();
}
