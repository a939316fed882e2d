import { codePointLength } from "@/lib/spans";

// The browser boundary: DOM selections speak nodes and UTF-16 offsets, Slant
// speaks code points. Every run of article text is rendered inside an element
// carrying its code point range (data-cp, data-cp-end), so any DOM point can
// be mapped back to the stored body.

function segmentsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("[data-cp]"));
}

export function pointToCodePoint(root: HTMLElement, node: Node, offset: number, bodyLength: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest<HTMLElement>("[data-cp]");
    if (segment && root.contains(segment)) {
      return Number(segment.dataset.cp) + codePointLength((node as Text).data.slice(0, offset));
    }
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const segments = segmentsOf(root);
  // First segment that starts at or after the point (segments are in document order).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(segments[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  if (lo < segments.length) return Number(segments[lo]!.dataset.cp);
  const last = segments[segments.length - 1];
  return last ? Number(last.dataset.cpEnd) : bodyLength;
}

/** The current selection inside root as a code point range, or null if there is none there. */
export function selectedRange(root: HTMLElement, bodyLength: number): { start: number; end: number; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
  const start = pointToCodePoint(root, range.startContainer, range.startOffset, bodyLength);
  const end = pointToCodePoint(root, range.endContainer, range.endOffset, bodyLength);
  if (end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}

/** Scrolls to an annotation's first run of text and makes it flash briefly. */
export function flashAnnotation(root: HTMLElement, id: string) {
  const runs = Array.from(root.querySelectorAll<HTMLElement>(`[data-ids~="${CSS.escape(id)}"]`));
  // Below the large layout the details open as a sheet over the lower half: bring the text above it.
  const wide = window.matchMedia("(min-width: 1024px)").matches;
  runs[0]?.scrollIntoView({ block: wide ? "center" : "start", behavior: "smooth" });
  for (const run of runs) {
    run.classList.remove("annotation-flash");
    void run.offsetWidth; // restart the animation
    run.classList.add("annotation-flash");
  }
}
