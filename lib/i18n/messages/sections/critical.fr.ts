// critical section (fr). French, the reference.
export const criticalFr = {
  title: "critical",
} as const;
