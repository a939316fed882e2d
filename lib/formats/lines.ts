// Readers accept whatever the caller has — a whole string, an array of lines,
// or a stream of byte/text chunks (a fetch body, a file upload) — and see
// complete lines with their 1-based numbers.

export type TextInput = string | Iterable<string> | AsyncIterable<string | Uint8Array>;

/** Text chunks, decoding bytes as UTF-8 (a multi-byte character may straddle two chunks). */
export async function* textChunks(input: TextInput): AsyncGenerator<string> {
  if (typeof input === "string") {
    yield input;
    return;
  }
  if (Symbol.asyncIterator in input) {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for await (const chunk of input) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
    return;
  }
  // An array of lines: put the line breaks back.
  for (const line of input) yield line.endsWith("\n") ? line : `${line}\n`;
}

/** Lines without their "\n" or "\r\n", numbered from 1; a leading byte order mark is dropped. */
export async function* numberedLines(input: TextInput): AsyncGenerator<{ line: number; text: string }> {
  let buffered = "";
  let line = 0;
  let first = true;
  for await (let chunk of textChunks(input)) {
    if (first && chunk.length > 0) {
      chunk = chunk.replace(/^\uFEFF/, "");
      first = false;
    }
    buffered += chunk;
    // Walk the buffer with an index and cut it once per chunk: slicing per line would be quadratic.
    let from = 0;
    for (let newline = buffered.indexOf("\n"); newline !== -1; newline = buffered.indexOf("\n", from)) {
      yield { line: ++line, text: buffered.slice(from, newline).replace(/\r$/, "") };
      from = newline + 1;
    }
    buffered = buffered.slice(from);
  }
  if (buffered.length > 0) yield { line: ++line, text: buffered.replace(/\r$/, "") };
}

export type JsonLine = { line: number; json: unknown; error?: undefined } | { line: number; json?: undefined; error: string };

/** The JSON value of each non-blank line, or why that line is not JSON; line numbers are the file's. */
export async function* jsonLines(input: TextInput): AsyncGenerator<JsonLine> {
  for await (const { line, text } of numberedLines(input)) {
    if (text.trim() === "") continue;
    try {
      yield { line, json: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
}
