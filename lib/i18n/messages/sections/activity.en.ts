// The monthly activity report (PDF) of a site or an inter-hospital agreement (en).
export const activityEn = {
  title: "Monthly activity report",
  hint: "Volumes, turnaround times, share within target, refusals and cancellations with their reasons: the document hospitals file as a quality indicator.",
  month: "Month",
  scope: "Scope",
  choose: "— Choose a site or an agreement —",
  sites: "Sites",
  agreements: "Inter-hospital agreements",
  agreementOption: "{name} ({count} site(s))",
  download: "Download the PDF",
  loadFailed: "The list of sites could not be loaded.",
  validation: {
    month: "Invalid month (YYYY-MM).",
    futureMonth: "This month has not begun yet.",
    scope: "Choose one site or one agreement.",
    emptyGroup: "This agreement has no site.",
  },
};
