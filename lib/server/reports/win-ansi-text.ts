// The PDF uses the standard fonts (Helvetica, Courier): nothing to embed, so nothing that could
// differ between two renders. Their encoding (WinAnsi) covers French (é, è, à, ç, œ, «, », °, µ,
// ², …) but not every character a radiologist may type or paste: "≥", "→", "≈", a narrow
// no-break space from a formatted number, an emoji. pdf-lib throws on those, and a signed report
// that cannot be printed is worse than a substituted sign, so they are replaced by readable
// equivalents, or "?" as a last resort.

const SUBSTITUTES: Record<string, string> = {
  "\u2265": ">=",
  "\u2264": "<=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2194": "<->",
  "\u21d2": "=>",
  "\u2191": "^",
  "\u2193": "v",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2032": "'",
  "\u2033": "\"",
  "\u221e": "infini",
  "\u2206": "delta",
  "\u0394": "delta",
  "\u03b1": "alpha",
  "\u03b2": "beta",
  "\u03b3": "gamma",
  "\u03bc": "\u00b5",
  "\u2022": "-",
  "\u2023": "-",
  "\u25cf": "-",
  "\u2713": "v",
  "\u2714": "v",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\u2007": " ",
  "\u200b": "",
  "\ufeff": "",
};

/**
 * The text as the font can draw it: only characters of `charset` (the font's code points),
 * on one line (callers split lines first; a stray control character becomes a space).
 */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x09) {
      out += "    ";
    } else if (code < 0x20 || code === 0x7f) {
      out += " ";
    } else if (charset.has(code)) {
      out += char;
    } else if (char in SUBSTITUTES) {
      out += SUBSTITUTES[char];
    } else {
      out += decomposed(char, charset);
    }
  }
  return out;
}

/** "ő" -> "o", "ﬁ" -> "fi": the compatibility decomposition without its combining marks. */
function decomposed(char: string, charset: ReadonlySet<number>): string {
  const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
  if (base !== char && base.length > 0 && [...base].every((c) => charset.has(c.codePointAt(0)!))) return base;
  return "?";
}

/** Line breaks of any platform, one array entry per line. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}
