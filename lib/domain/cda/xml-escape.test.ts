import { describe, expect, it } from "vitest";
import { xmlAttr, xmlText } from "./xml-escape";

describe("xml escaping", () => {
  it("keeps markup characters of report text as text", () => {
    expect(xmlText(`DLP < 500 & "ok" > 3 'x'`)).toBe(`DLP &lt; 500 &amp; "ok" &gt; 3 'x'`);
  });

  it("escapes quotes in attributes so a value cannot close its attribute", () => {
    expect(xmlAttr(`a"b'c<d&`)).toBe("a&quot;b&apos;c&lt;d&amp;");
  });

  it("drops characters XML 1.0 forbids", () => {
    expect(xmlText("a\u0001b\u000Bc\uFFFFd")).toBe("abcd");
    expect(xmlText("ok\tline\nnext")).toBe("ok\tline\nnext");
  });
});
