import { describe, expect, it } from "vitest";
import { templateSectionSchema } from "../template-definition";
import { slugFromLabel, uniqueId } from "./template-ids";

describe("ids made from labels", () => {
  it("turns a French label into the template's id syntax", () => {
    expect(slugFromLabel("Côté de l'occlusion", "champ")).toBe("cote_de_l_occlusion");
    expect(slugFromLabel("  Œdème — péri-lésionnel ", "champ")).toBe("oedeme_peri_lesionnel");
    expect(slugFromLabel("ASPECTS (0-10)", "champ")).toBe("aspects_0_10");
    expect(slugFromLabel("…", "champ")).toBe("champ");
    expect(slugFromLabel("4 cavités", "champ")).toBe("champ_4_cavites");
  });

  it("stays a valid id, with room for a suffix, however long the label", () => {
    const id = slugFromLabel("Très long libellé ".repeat(10), "champ");
    expect(id.length).toBeLessThanOrEqual(44);
    expect(templateSectionSchema.shape.id.safeParse(`${id}_12`).success).toBe(true);
  });

  it("adds the first free number to an id in use", () => {
    const taken = new Set(["cote", "cote_2"]);
    expect(uniqueId("cote", (id) => taken.has(id))).toBe("cote_3");
    expect(uniqueId("taille", (id) => taken.has(id))).toBe("taille");
  });
});
