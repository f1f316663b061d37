import { describe, expect, it } from "vitest";
import { ageAtStudy, formatDa, overlayCorners, type OverlayLabels } from "./overlay-text";

const fr: OverlayLabels = { locale: "fr", years: "ans", months: "mois", slice: "Coupe", position: "Pos.", thickness: "Ép.", window: "L/C", zoom: "Zoom", serverRendering: "Rendu serveur (fenêtre fixe)" };

describe("image overlay text", () => {
  it("gives the age at the study date, in months under two years", () => {
    expect(ageAtStudy("19480714", "20261123", fr)).toBe("78 ans");
    expect(ageAtStudy("19480714", "20260713", fr)).toBe("77 ans");
    expect(ageAtStudy("20251001", "20261123", fr)).toBe("13 mois");
    expect(ageAtStudy(null, "20261123", fr)).toBeNull();
  });

  it("writes dates the French or the English way", () => {
    expect(formatDa("20261123", "fr")).toBe("23/11/2026");
    expect(formatDa("20261123", "en")).toBe("23/11/2026");
    expect(formatDa("2026", "fr")).toBeNull();
  });

  it("fills the four corners from the slice's header and the viewport's state", () => {
    const corners = overlayCorners(
      {
        "00100010": { vr: "PN", Value: [{ Alphabetic: "DUPONT^JEANNE" }] },
        "00100020": { vr: "LO", Value: ["IPP-1"] },
        "00100030": { vr: "DA", Value: ["19480714"] },
        "00100040": { vr: "CS", Value: ["F"] },
        "00080020": { vr: "DA", Value: ["20261123"] },
        "00080030": { vr: "TM", Value: ["031542.5"] },
        "0008103E": { vr: "LO", Value: ["CEREBRAL 1mm"] },
        "00201041": { vr: "DS", Value: [-12.5] },
        "00180050": { vr: "DS", Value: [1] },
      },
      { index: 4, count: 200, window: { center: 40, width: 80 }, zoom: 1.5 },
      fr,
    );
    expect(corners.topLeft).toEqual(["DUPONT JEANNE", "IPP-1", "78 ans F"]);
    expect(corners.topRight).toEqual(["23/11/2026 03:15:42", "CEREBRAL 1mm"]);
    expect(corners.bottomLeft).toEqual(["Coupe 5/200", "Pos. -12,5 mm", "Ép. 1,00 mm"]);
    expect(corners.bottomRight).toEqual(["L/C 80 / 40", "Zoom 1,50×"]);
  });

  it("names a patient written in other scripts: the ideographic form beside the alphabetic one, or alone", () => {
    const view = { index: 0, count: 1, window: null, zoom: 1 };
    const name = (value: Record<string, string>) => overlayCorners({ "00100010": { vr: "PN", Value: [value] } }, view, fr).topLeft[0];
    expect(name({ Alphabetic: "Yamada^Tarou", Ideographic: "山田^太郎", Phonetic: "やまだ^たろう" })).toBe("Yamada Tarou (山田 太郎)");
    expect(name({ Ideographic: "洪^吉洞" })).toBe("洪 吉洞");
    expect(name({ Alphabetic: "김희중" })).toBe("김희중");
  });

  it("says a slice is the server's rendering, with its fixed window, instead of a window the viewer does not apply", () => {
    const corners = overlayCorners({}, { index: 0, count: 1, window: { center: 128, width: 256 }, zoom: 1, serverRendered: true }, fr);
    expect(corners.bottomRight).toEqual(["Rendu serveur (fenêtre fixe)", "Zoom 1,00×"]);
  });
});
