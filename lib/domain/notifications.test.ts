import { describe, expect, it } from "vitest";
import { listNotificationsSchema, markNotificationsReadSchema } from "./notifications";

describe("notification ids", () => {
  it("accepts bigint sequence values and refuses what PostgreSQL's bigint cannot hold", () => {
    expect(markNotificationsReadSchema.safeParse({ ids: ["1", "9223372036854775807"] }).success).toBe(true);
    expect(markNotificationsReadSchema.safeParse({ ids: ["9223372036854775808"] }).success).toBe(false);
    expect(listNotificationsSchema.safeParse({ cursor: "9999999999999999999" }).success).toBe(false);
    expect(listNotificationsSchema.safeParse({ cursor: "-1" }).success).toBe(false);
  });
});
