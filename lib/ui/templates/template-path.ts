import type { Translate } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/types";
import type { IssuePath } from "./template-check";

// Says where an error is in words ("Section 2 « Technique » › champ 3 « Côté » › valeur par
// défaut") rather than as sections.1.fields.2.default, naming sections and fields by the
// title or label the administrator wrote when the JSON has one.

const PROPS = ["sections", "fields", "id", "title", "label", "kind", "required", "multiline", "options", "default", "unit", "min", "max", "conclusionFieldId"] as const;
type Prop = (typeof PROPS)[number];
const isProp = (part: string): part is Prop => (PROPS as readonly string[]).includes(part);

export function describePath(path: IssuePath, raw: unknown, t: Translate): string {
  const words: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i]!;
    const parent = i > 0 ? path[i - 1] : undefined;
    node = child(node, part);
    if (typeof part === "number") {
      const key: MessageKey = parent === "sections" ? "templates.path.section" : parent === "fields" ? "templates.path.field" : "templates.path.option";
      const name = parent === "sections" ? text(child(node, "title")) : parent === "fields" ? text(child(node, "label")) : null;
      // The number replaces the word "sections"/"fields" said just before it.
      if (parent === "sections" || parent === "fields") words.pop();
      words.push(name ? `${t(key, { n: part + 1 })} « ${name} »` : t(key, { n: part + 1 }));
    } else {
      words.push(isProp(part) ? t(`templates.path.props.${part}`) : part);
    }
  }
  return words.length === 0 ? t("templates.path.root") : words.join(" › ");
}

function child(node: unknown, part: string | number): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  return (node as Record<string | number, unknown>)[part];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 60) : null;
}
