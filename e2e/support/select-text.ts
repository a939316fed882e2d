import type { Locator, Page } from "@playwright/test";

/** Drags the real mouse across the `occurrence`-th appearance of `text` inside `root`, as a person selects. */
export async function selectTextWithMouse(page: Page, root: Locator, text: string, occurrence = 0) {
  const box = await root.evaluate(
    (element, args) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let full = "";
      const nodes: { node: Text; from: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, from: full.length });
        full += (n as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= args.occurrence; i++) index = full.indexOf(args.text, index + 1);
      if (index < 0) throw new Error(`"${args.text}" not found`);
      const locate = (offset: number, preferNext: boolean) => {
        const hit = nodes.findLast((x) => (preferNext ? x.from <= offset : x.from < offset)) ?? nodes[0]!;
        return { node: hit.node, offset: offset - hit.from };
      };
      const rectAt = (offset: number, forward: boolean) => {
        const { node, offset: o } = locate(offset, forward);
        const range = document.createRange();
        range.setStart(node, forward ? o : o - 1);
        range.setEnd(node, forward ? o + 1 : o);
        const r = range.getClientRects()[0]!;
        return forward ? { x: r.left + 1, y: r.top + r.height / 2 } : { x: r.right - 1, y: r.top + r.height / 2 };
      };
      element.ownerDocument.defaultView?.scrollTo(0, 0);
      const first = rectAt(index, true);
      const { node } = locate(index, true);
      node.parentElement?.scrollIntoView({ block: "center" });
      void first;
      return { start: rectAt(index, true), end: rectAt(index + args.text.length, false) };
    },
    { text, occurrence },
  );
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move((box.start.x + box.end.x) / 2, (box.start.y + box.end.y) / 2, { steps: 3 });
  await page.mouse.move(box.end.x, box.end.y, { steps: 3 });
  await page.mouse.up();
}
