// Template filler: what counts as "not filled in" in YAML values, Markdown sections and foreign card formats.
import { describe, expect, it } from "vitest";
import { isPlaceholder } from "../src/util/placeholder.js";

describe("template filler", () => {
  it.each([
    "TBD",
    "n/a",
    "Unknown",
    "[More Information Needed]",
    "[Needs More Information]",
    "[More Information Needed](https://x.y)",
    "<owner>",
    "{{ model_name }}",
    "[insert licence]",
    "task goes here",
    "The architecture family goes here.",
  ])("%s is filler", (value) => expect(isPlaceholder(value)).toBe(true));

  it.each(["MIT", "<https://example.org>", "<team@example.org>", "Ranks support tickets", "Here is where the data goes: S3", "It goes here and there in the pipeline, then to review."])(
    "%s is an answer",
    (value) => expect(isPlaceholder(value)).toBe(false),
  );
});
