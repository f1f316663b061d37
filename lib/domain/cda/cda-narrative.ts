import { xmlText } from "./xml-escape";

// Report text as CDA narrative: blank lines separate paragraphs, line breaks stay line breaks.
// Everything is escaped: the narrative block only ever holds paragraph, content and br elements.

export function narrativeParagraphs(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== "");
  return blocks.map((block) => `<paragraph>${block.split("\n").map((line) => xmlText(line.trim())).join("<br/>")}</paragraph>`).join("");
}

/** A list of "label : value" lines. */
export function narrativeList(lines: string[]): string {
  if (lines.length === 0) return "";
  return `<list>${lines.map((line) => `<item>${xmlText(line)}</item>`).join("")}</list>`;
}

/** A section's text element; a section with nothing to say says so rather than staying empty. */
export function narrativeText(content: string): string {
  return `<text>${content === "" ? "<paragraph>Non renseigné.</paragraph>" : content}</text>`;
}
