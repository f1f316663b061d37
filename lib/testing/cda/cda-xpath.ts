// Reading a CDA in tests: strict parsing (any XML error fails the test) and XPath with the
// CDA and DICOM PS3.20 namespaces, so that assertions name elements as the CI-SIS does.
import { DOMParser } from "@xmldom/xmldom";
import * as xpath from "xpath";

export const CDA_NAMESPACES = { cda: "urn:hl7-org:v3", "ps3-20": "urn:dicom-org:ps3-20" };

const select = xpath.useNamespaces(CDA_NAMESPACES);

export interface ParsedCda {
  /** Values of the nodes an XPath selects (attributes' values, elements' text). */
  values(path: string): string[];
  count(path: string): number;
  /** Local names of an element's child elements, in order. */
  children(path: string): string[];
}

export function parseCda(xml: string): ParsedCda {
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  const nodes = (path: string): Node[] => {
    const found = select(path, document as unknown as Node);
    return Array.isArray(found) ? (found as Node[]) : [];
  };
  return {
    values: (path) => nodes(path).map((node) => node.textContent ?? node.nodeValue ?? ""),
    count: (path) => nodes(path).length,
    children: (path) => {
      const [element] = nodes(path);
      if (!element) return [];
      return Array.from(element.childNodes)
        .filter((child) => child.nodeType === 1)
        .map((child) => (child as Element).localName);
    },
  };
}
