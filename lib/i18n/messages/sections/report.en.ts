// report section (en).
export const reportEn = {
  title: "report",
} as const;
