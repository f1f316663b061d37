// Plot binds each drawn element (a bar, a cell, a dot) to the index of its datum, as d3 does
// (element.__data__). Clicking a figure's element then drills down into that datum. The
// elements also become keyboard buttons, so that the charts' drill-downs do not need a mouse,
// named for screen readers (a <title> is a tooltip, not a button's name everywhere).

/** What d3 leaves on a joined element. */
type Bound = { __data__?: unknown };

/** Makes the elements of the mark drawn with `className` open `onIndex(datum index)`. */
export function bindMarkClicks(figure: Element, className: string, onIndex: (index: number) => void, labelOf: (index: number) => string | undefined): void {
  for (const element of figure.querySelectorAll<SVGElement>(`g.${className} > *`)) {
    const index = (element as unknown as Bound).__data__;
    if (typeof index !== "number") continue;
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    const label = labelOf(index);
    if (label) element.setAttribute("aria-label", label);
    element.classList.add("dash-clickable");
    element.addEventListener("click", () => onIndex(index));
    element.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      onIndex(index);
    });
  }
}
