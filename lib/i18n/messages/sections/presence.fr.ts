// Who is looking at a request now. French, the reference.
export const presenceFr = {
  title: "",
} as const;
