// The worklist at a glance and by keyboard: row marks, keys and their help panel (en).
export const worklistGlanceEn = {
  marks: {
    escalated: "Escalated",
    escalatedHint: "Not taken within target: escalated, still waiting for a radiologist.",
    critical: "Critical finding to acknowledge ({count})",
    criticalHint: "Critical finding flagged by the radiologist, not yet acknowledged by the requesting department.",
  },
  keys: {
    next: "Next request",
    previous: "Previous request",
    first: "First request",
    last: "Last request",
    open: "Open the selected request",
    claim: "Claim the selected request",
    release: "Release the selected request",
    help: "Show this help",
    back: "From a request: back to the worklist",
  },
  keyNames: { Home: "Home", End: "End", Enter: "Enter", Backspace: "Backspace" },
  helpButton: "Keyboard shortcuts (?)",
  helpTitle: "Worklist keyboard shortcuts",
  helpKeys: "Keys",
  helpAction: "Action",
  or: "or",
  helpNote: "Keys do nothing while typing in a field (filters, search).",
  close: "Close",
  selectedRow: "Selected request",
};
