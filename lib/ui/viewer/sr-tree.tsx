"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { DicomJsonDataset } from "@/lib/viewer/dicom-json";
import { readSrTree, type SrNode } from "@/lib/viewer/sr-content";

function SrItem({ node }: { node: SrNode }) {
  const container = node.valueType === "CONTAINER";
  return (
    <li className={container ? "sr-container" : undefined}>
      {node.name ? <span className="sr-name">{node.name}{node.value ? " : " : ""}</span> : null}
      {node.value ? <span className="sr-value">{node.value}</span> : null}
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((child, i) => (
            <SrItem key={i} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A structured report read as text: its title, then its content tree, containers in bold. */
export function SrTree({ dataset }: { dataset: DicomJsonDataset }) {
  const { t } = useI18n();
  const tree = readSrTree(dataset);
  if (!tree || (tree.children.length === 0 && !tree.value)) return <p className="muted">{t("viewer.srEmpty")}</p>;
  return (
    <div data-testid="sr-text">
      {tree.name ? <h3>{tree.name}</h3> : null}
      <ul className="sr-tree">
        {tree.children.map((child, i) => (
          <SrItem key={i} node={child} />
        ))}
      </ul>
    </div>
  );
}
