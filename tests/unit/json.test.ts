import { describe, expect, it } from "vitest";
import { isObject } from "../../src/core/json";

describe("isObject", () => {
  it("takes a JSON object and nothing else", () => {
    expect([{}, { a: 1 }].map(isObject)).toEqual([true, true]);
    expect([null, [], [1], "x", 3, undefined].map(isObject)).toEqual([false, false, false, false, false, false]);
  });
});
