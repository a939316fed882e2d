// Test harness: the W3C Web Annotation Working Group's JSON Schema assertions
// (a vendored copy in /work/shared/w3c-web-annotation-tests, see its SOURCE.md),
// run with Ajv's draft-04 build. Node-only (reads the schema files); used by tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const W3C_SUITE_DIR = process.env.W3C_WEB_ANNOTATION_TESTS ?? "/work/shared/w3c-web-annotation-tests";

type Assertion = { file: string; title: string; expectedResult: "valid" | "invalid"; validate: ValidateFunction };
export type AssertionFailure = { file: string; expected: "valid" | "invalid"; title: string; errors: string };

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

export class W3cSuite {
  // The schemas use draft-04 "id" and custom keywords (assertionType, expectedResult…), hence strict: false.
  private readonly ajv = new Ajv({ strict: false, allErrors: false });
  private readonly compiled = new Map<string, Assertion>();

  constructor(readonly dir = W3C_SUITE_DIR) {
    addFormats(this.ajv, ["uri", "date-time"]);
    // The assertions $ref these by relative id ("annotations.json#/definitions/…"), so they are loaded first.
    for (const file of readdirSync(join(dir, "definitions")).filter((f) => f.endsWith(".json")).sort()) {
      this.ajv.addSchema(readJson(join(dir, "definitions", file)));
    }
  }

  /** The assertion files a `.test` manifest lists, e.g. "annotations/annotationMusts.test". */
  manifest(testFile: string): string[] {
    const assertions = readJson(join(this.dir, testFile)).assertions;
    if (!Array.isArray(assertions)) throw new Error(`${testFile} lists no assertions`);
    return assertions.map(String);
  }

  assertion(file: string): Assertion {
    const cached = this.compiled.get(file);
    if (cached) return cached;
    const schema = readJson(join(this.dir, file));
    // Several files reuse the same "id"; drop the previous one so each compiles against its own local #/definitions.
    if (typeof schema.id === "string") this.ajv.removeSchema(schema.id);
    const expectedResult = schema.expectedResult === "invalid" ? "invalid" : "valid";
    const assertion = { file, title: String(schema.title ?? file), expectedResult, validate: this.ajv.compile(schema) } as const;
    this.compiled.set(file, assertion);
    return assertion;
  }

  /** Every assertion whose outcome differs from its expectedResult (empty = the document passes). */
  failures(document: unknown, files: readonly string[]): AssertionFailure[] {
    return files.flatMap((file) => {
      const { validate, expectedResult, title } = this.assertion(file);
      const outcome = validate(document) ? "valid" : "invalid";
      return outcome === expectedResult ? [] : [{ file, expected: expectedResult, title, errors: this.ajv.errorsText(validate.errors) }];
    });
  }
}

/** Everything an exported annotation must satisfy: the MUST manifest plus the text selector schemas named in SOURCE.md. */
export function annotationAssertions(suite: W3cSuite): string[] {
  return [
    ...suite.manifest("annotations/annotationMusts.test"),
    "annotations/specificResource/4.2.4-textQuoteSelectorValid.json",
    "annotations/specificResource/4.2-TextDataPositionSelectorValid.json",
    "annotations/specificResource/4.2-selectorValidIfPresent.json",
  ].filter((file, i, all) => all.indexOf(file) === i);
}

export function sampleFiles(kind: "correct" | "incorrect", dir = W3C_SUITE_DIR): string[] {
  return readdirSync(join(dir, "tools/samples", kind)).filter((f) => f.endsWith(".json")).sort();
}

/** The sample's JSON, or a SyntaxError for the incorrect samples that are not JSON at all. */
export function readSample(kind: "correct" | "incorrect", file: string, dir = W3C_SUITE_DIR): unknown {
  try {
    return readJson(join(dir, "tools/samples", kind, file));
  } catch (error) {
    if (error instanceof SyntaxError) return error;
    throw error;
  }
}
