import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { splitLines, toWinAnsi } from "./win-ansi-text";

// Top-to-bottom text layout over A4 pages: a cursor that moves down, wraps words to the text
// width and starts a new page when the next line would run into the footer. pdf-lib only
// draws at coordinates (origin bottom-left); this is the small part of a layout engine the
// report needs.

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 56, right: 56, top: 56, bottom: 72 };
export const TEXT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

export interface TextStyle {
  font: PDFFont;
  size: number;
  color?: RGB;
  /** Left indent in points. */
  indent?: number;
}

export class PageFlow {
  readonly pages: PDFPage[] = [];
  private page: PDFPage;
  private y = 0;
  private readonly charsets = new Map<PDFFont, ReadonlySet<number>>();

  constructor(
    private readonly doc: PDFDocument,
    /** Draws what each page after the first repeats at its top; returns the height used. */
    private readonly continuationHeader: (page: PDFPage, top: number) => number,
  ) {
    this.page = this.addPage(false);
  }

  /** The text as `font` can draw it (see win-ansi-text.ts). */
  safe(text: string, font: PDFFont): string {
    let charset = this.charsets.get(font);
    if (!charset) {
      charset = new Set(font.getCharacterSet());
      this.charsets.set(font, charset);
    }
    return toWinAnsi(text, charset);
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.page = this.addPage(true);
  }

  space(height: number): void {
    this.y -= height;
  }

  /** One line, never wrapped (the caller knows it fits, e.g. a fingerprint). */
  line(text: string, style: TextStyle): void {
    const height = lineHeight(style.size);
    this.ensure(height);
    this.page.drawText(this.safe(text, style.font), {
      x: MARGIN.left + (style.indent ?? 0),
      y: this.y - style.size,
      size: style.size,
      font: style.font,
      color: style.color ?? BLACK,
    });
    this.y -= height;
  }

  /** Pieces in different styles drawn one after the other on one line (never wrapped). */
  segments(parts: { text: string; style: TextStyle }[]): void {
    const height = Math.max(...parts.map((part) => lineHeight(part.style.size)));
    const baseline = Math.max(...parts.map((part) => part.style.size));
    this.ensure(height);
    let x = MARGIN.left;
    for (const { text, style } of parts) {
      const safe = this.safe(text, style.font);
      this.page.drawText(safe, { x, y: this.y - baseline, size: style.size, font: style.font, color: style.color ?? BLACK });
      x += style.font.widthOfTextAtSize(safe, style.size);
    }
    this.y -= height;
  }

  /** "Label : value", the value wrapped beside the label (continuation lines aligned under it). */
  labelled(label: string, value: string, labelStyle: TextStyle, valueStyle: TextStyle): void {
    const labelText = this.safe(`${label} : `, labelStyle.font);
    const indent = labelStyle.font.widthOfTextAtSize(labelText, labelStyle.size);
    const lines = wrap(this.safe(value, valueStyle.font), valueStyle.font, valueStyle.size, TEXT_WIDTH - indent);
    lines.forEach((text, index) => {
      const height = lineHeight(valueStyle.size);
      this.ensure(height);
      if (index === 0) {
        this.page.drawText(labelText, { x: MARGIN.left, y: this.y - labelStyle.size, size: labelStyle.size, font: labelStyle.font, color: labelStyle.color ?? BLACK });
      }
      this.page.drawText(text, { x: MARGIN.left + indent, y: this.y - valueStyle.size, size: valueStyle.size, font: valueStyle.font, color: valueStyle.color ?? BLACK });
      this.y -= height;
    });
  }

  /** Free text: its own line breaks kept, long lines wrapped, blank lines as half a line. */
  paragraphs(text: string, style: TextStyle): void {
    const width = TEXT_WIDTH - (style.indent ?? 0);
    for (const source of splitLines(text.trimEnd())) {
      const safe = this.safe(source, style.font).trimEnd();
      if (safe === "") {
        this.space(lineHeight(style.size) / 2);
        continue;
      }
      for (const line of wrap(safe, style.font, style.size, width)) this.line(line, style);
    }
  }

  rule(color: RGB = GREY): void {
    this.ensure(10);
    const y = this.y - 4;
    this.page.drawLine({ start: { x: MARGIN.left, y }, end: { x: A4[0] - MARGIN.right, y }, thickness: 0.5, color });
    this.y -= 10;
  }

  private addPage(continuation: boolean): PDFPage {
    const page = this.doc.addPage(A4);
    this.pages.push(page);
    this.y = A4[1] - MARGIN.top;
    if (continuation) this.y -= this.continuationHeader(page, this.y);
    return page;
  }
}

export function lineHeight(size: number): number {
  return Math.round(size * 1.35 * 100) / 100;
}

/** Greedy word wrap; a word longer than the line (a URL, an identifier) is cut where it overflows. */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (value: string) => font.widthOfTextAtSize(value, size);
  const lines: string[] = [];
  let current: string | null = null;
  for (const word of text.split(" ")) {
    const candidate: string = current === null ? word : `${current} ${word}`;
    if (width(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== null) lines.push(current);
    let rest = word;
    while (rest.length > 1 && width(rest) > maxWidth) {
      let cut = 1;
      while (cut < rest.length && width(rest.slice(0, cut + 1)) <= maxWidth) cut += 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current !== null) lines.push(current);
  return lines;
}
