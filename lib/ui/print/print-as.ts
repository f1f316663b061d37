// What the next print shows. The request page prints the prescription sheet by default
// (Ctrl+P included); the report's button asks for the report instead, until the print ends.
export type PrintTarget = "request" | "report";

export function printAs(target: PrintTarget): void {
  document.body.dataset.print = target;
  const reset = () => {
    delete document.body.dataset.print;
    window.removeEventListener("afterprint", reset);
  };
  window.addEventListener("afterprint", reset);
  window.print();
}
