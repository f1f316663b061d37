import type { Locator } from "@playwright/test";

// The contrast of a badge's text against its background as the eye gets it, at frames across
// its CSS animation: the animation is paused at each frame and the computed colours and
// opacities (the badge's and its ancestors') are composited over what lies beneath it.

export interface AnimationContrast {
  /** Whether the badge runs an animation at all (none when motion is reduced). */
  animated: boolean;
  /** The lowest WCAG contrast ratio over the frames. */
  lowest: number;
  samples: { at: number; ratio: number }[];
}

export async function vitalBadgeContrastOverAnimation(badge: Locator): Promise<AnimationContrast> {
  return badge.evaluate((element) => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const parts = (/rgba?\(([^)]+)\)/.exec(css)?.[1] ?? "0, 0, 0, 0").split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, alpha: number, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * alpha + under[i]! * (1 - alpha)).concat(1) as Rgba;
    const luminance = (c: Rgba) => {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const measure = (): number => {
      // What lies beneath: the first ancestor with a background (the vital row's pink), else white.
      let under: Rgba = [255, 255, 255, 1];
      let opacity = Number(getComputedStyle(element).opacity);
      for (let node = element.parentElement; node; node = node.parentElement) {
        opacity *= Number(getComputedStyle(node).opacity);
        const background = parse(getComputedStyle(node).backgroundColor);
        if (background[3] > 0) {
          under = over(background, background[3], [255, 255, 255, 1]);
          break;
        }
      }
      const style = getComputedStyle(element);
      const ownBackground = parse(style.backgroundColor);
      const text = parse(style.color);
      const badgeFill = over(ownBackground, ownBackground[3], under);
      // The badge is painted as one layer (text over its fill), then blended with its opacity.
      const textFinal = over(over(text, text[3], badgeFill), opacity, under);
      const fillFinal = over(badgeFill, opacity, under);
      return ratio(textFinal, fillFinal);
    };
    const animations = element.getAnimations();
    if (animations.length === 0) {
      const only = measure();
      return { animated: false, lowest: only, samples: [{ at: 0, ratio: only }] };
    }
    const samples: { at: number; ratio: number }[] = [];
    for (const animation of animations) {
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      animation.pause();
      for (let step = 0; step <= 20; step += 1) {
        animation.currentTime = (duration * step) / 20;
        samples.push({ at: Math.round((duration * step) / 20), ratio: Math.round(measure() * 100) / 100 });
      }
      animation.play();
    }
    return { animated: true, lowest: Math.min(...samples.map((s) => s.ratio)), samples };
  });
}
