import { describe, expect, it } from "vitest";
import { readableFrom } from "./stream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; reads: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let reads = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), reads };
    reads++;
    text += decoder.decode(value, { stream: true });
  }
}

describe("readableFrom", () => {
  it("keeps every chunk in order, text and bytes mixed, multi-byte characters whole", async () => {
    async function* chunks() {
      yield "naïve ";
      yield new TextEncoder().encode("👍🏽 bytes ");
      yield "and «text»";
    }
    expect((await readAll(await readableFrom(chunks()))).text).toBe("naïve 👍🏽 bytes and «text»");
  });

  it("joins small chunks into a few large ones", async () => {
    async function* lines() {
      for (let i = 0; i < 10_000; i++) yield `line ${i}\n`;
    }
    const { text, reads } = await readAll(await readableFrom(lines()));
    expect(text.split("\n")).toHaveLength(10_001);
    expect(reads).toBeLessThan(5);
  });

  it("pulls only a bounded amount ahead of a reader that does not read", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield "x".repeat(1024);
      }
    }
    const stream = await readableFrom(endless());
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The queue holds a few 64 KiB chunks, not the whole (endless) export.
    expect(produced).toBeLessThan(1024);
    await stream.cancel();
  });

  it("stops the producer when the client goes away", async () => {
    let closed = false;
    async function* producer() {
      try {
        for (;;) yield "x".repeat(100_000);
      } finally {
        closed = true;
      }
    }
    const reader = (await readableFrom(producer())).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it("fails before handing over the stream when the first chunk fails", async () => {
    async function* broken(): AsyncGenerator<string> {
      throw new Error("database down");
    }
    await expect(readableFrom(broken())).rejects.toThrow("database down");
  });
});
