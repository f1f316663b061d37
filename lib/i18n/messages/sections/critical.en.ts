// critical section (en).
export const criticalEn = {
  title: "critical",
} as const;
