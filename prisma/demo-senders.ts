// The demo territory's image senders: each hospital's PACS pushes by C-STORE under its AE
// title and by STOW-RS with its token. Demo tokens are public (printed at start, demo only).

export interface DemoSender {
  siteCode: string;
  aeTitle: string;
  stowToken: string;
  label: string;
}

export const DEMO_SENDERS: DemoSender[] = ["MTC", "SAL", "VRN", "BLR"].map((code) => ({
  siteCode: code,
  aeTitle: `${code}_PACS`,
  stowToken: `demo-stow-${code.toLowerCase()}-2026-teleradio`,
  label: `PACS ${code}`,
}));
