import {
  AngleTool,
  CrosshairsTool,
  EllipticalROITool,
  Enums as ToolEnums,
  LengthTool,
  PanTool,
  ProbeTool,
  RectangleROITool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  type Types as ToolTypes,
} from "@cornerstonejs/tools";
import type { ToolId } from "./shortcuts";

// Tool bindings as data: the left button does what the reader picked, the wheel scrolls,
// the middle button pans and the right button zooms, whatever the picked tool.

type ToolGroup = NonNullable<ReturnType<typeof ToolGroupManager.getToolGroup>>;

export const TOOL_NAMES: Record<ToolId, string> = {
  windowLevel: WindowLevelTool.toolName,
  zoom: ZoomTool.toolName,
  pan: PanTool.toolName,
  scroll: StackScrollTool.toolName,
  length: LengthTool.toolName,
  angle: AngleTool.toolName,
  ellipse: EllipticalROITool.toolName,
  rectangle: RectangleROITool.toolName,
  probe: ProbeTool.toolName,
  crosshairs: CrosshairsTool.toolName,
};

const { MouseBindings } = ToolEnums;
const MEASUREMENT_TOOLS: ToolId[] = ["length", "angle", "ellipse", "rectangle", "probe"];

export function createToolGroup(id: string, options: { crosshairs: boolean }): ToolGroup {
  ToolGroupManager.destroyToolGroup(id);
  const group = ToolGroupManager.createToolGroup(id);
  if (!group) throw new Error(`tool group ${id} could not be created`);
  for (const tool of Object.keys(TOOL_NAMES) as ToolId[]) {
    if (tool === "crosshairs" && !options.crosshairs) continue;
    group.addTool(TOOL_NAMES[tool]);
  }
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  // Drawn measurements stay visible and editable whatever tool is active.
  for (const tool of MEASUREMENT_TOOLS) group.setToolPassive(TOOL_NAMES[tool]);
  setPrimaryTool(group, options.crosshairs ? "crosshairs" : "windowLevel");
  return group;
}

/** Gives the left button to a tool; the previous left-button tool goes back to its default. */
export function setPrimaryTool(group: ToolGroup, tool: ToolId): void {
  const previous = group.getActivePrimaryMouseButtonTool();
  if (previous && previous !== TOOL_NAMES[tool]) {
    const previousId = (Object.keys(TOOL_NAMES) as ToolId[]).find((id) => TOOL_NAMES[id] === previous);
    if (previous === StackScrollTool.toolName) {
      group.setToolActive(previous, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    } else if (previous === PanTool.toolName) {
      group.setToolActive(previous, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    } else if (previous === ZoomTool.toolName) {
      group.setToolActive(previous, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    } else if (previousId && MEASUREMENT_TOOLS.includes(previousId)) {
      group.setToolPassive(previous);
    } else {
      group.setToolDisabled(previous);
    }
  }
  const bindings: ToolTypes.IToolBinding[] = [{ mouseButton: MouseBindings.Primary }];
  if (tool === "scroll") bindings.push({ mouseButton: MouseBindings.Wheel });
  if (tool === "pan") bindings.push({ mouseButton: MouseBindings.Auxiliary });
  if (tool === "zoom") bindings.push({ mouseButton: MouseBindings.Secondary });
  group.setToolActive(TOOL_NAMES[tool], { bindings });
}
