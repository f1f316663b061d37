// report section (fr). French, the reference.
export const reportFr = {
  title: "report",
} as const;
