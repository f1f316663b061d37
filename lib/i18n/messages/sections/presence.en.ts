import type { Messages } from "../../types";

export const presenceEn: Messages["presence"] = {
  title: "Looking at this request",
  you: "you",
  lookingNow: "Looking at the request right now: {names}",
  nobodyElse: "Nobody else is looking at this request.",
};
