import { describe, expect, it } from "vitest";
import { actionAt, assign, DEFAULT_KEYS, keysWords, markOutWords, parseKeyMap, SHORTCUT_LINES, swap, type ActionId } from "../../src/core/shortcuts";

const allCombos = (map: typeof DEFAULT_KEYS) => Object.values(map).flat();

describe("the default keys", () => {
  it("are today's keys, each combo doing one action", () => {
    expect(actionAt(DEFAULT_KEYS, "I")).toBe("markIn");
    expect(actionAt(DEFAULT_KEYS, "Shift+I")).toBe("goToIn");
    expect(actionAt(DEFAULT_KEYS, "Ctrl+Shift+Z")).toBe("redo");
    expect(actionAt(DEFAULT_KEYS, ",")).toBe("frameBack");
    expect(actionAt(DEFAULT_KEYS, "Q")).toBeUndefined();
    expect(new Set(allCombos(DEFAULT_KEYS)).size).toBe(allCombos(DEFAULT_KEYS).length);
  });

  it("are all on the key list, each action once", () => {
    const listed = SHORTCUT_LINES.flatMap((line) => line.actions);
    expect([...listed].sort()).toEqual(Object.keys(DEFAULT_KEYS).sort());
  });
});

describe("keysWords", () => {
  it("shows an action's keys as they are now, or that it has none", () => {
    expect(keysWords(DEFAULT_KEYS, "frameBack")).toBe("← or ,");
    expect(keysWords(swap(DEFAULT_KEYS, "markIn", "O"), "markIn")).toBe("O");
    expect(keysWords({ ...DEFAULT_KEYS, markIn: [] }, "markIn")).toBe("no key");
  });

  it("names the keys that end a clip being marked, for the hint after IN", () => {
    expect(markOutWords(DEFAULT_KEYS)).toBe("O (or M)");
    expect(markOutWords({ ...DEFAULT_KEYS, markOut: ["W"], toggleMark: [] })).toBe("W");
  });
});

describe("assign", () => {
  it("makes a free combo the action's one key, and leaves the old key free", () => {
    const result = assign(DEFAULT_KEYS, "markIn", "Q");
    if (!result.ok) throw new Error("refused");
    expect(result.map.markIn).toEqual(["Q"]);
    expect(actionAt(result.map, "I")).toBeUndefined();
    expect(DEFAULT_KEYS.markIn).toEqual(["I"]);
  });

  it("says which action already has the combo, changing nothing", () => {
    expect(assign(DEFAULT_KEYS, "markIn", "O")).toEqual({ ok: false, taken: "markOut" });
  });

  it("takes an action's own key back as its only one", () => {
    const result = assign(DEFAULT_KEYS, "frameBack", ",");
    expect(result.ok && result.map.frameBack).toEqual([","]);
  });

  it("refuses Tab, saying why", () => {
    const result = assign(DEFAULT_KEYS, "markIn", "Tab");
    expect(result.ok === false && "refused" in result && result.refused).toMatch(/moves between/);
  });
});

describe("swap", () => {
  it("gives the holder the action's old keys in place of the one taken", () => {
    const map = swap(DEFAULT_KEYS, "markIn", "O");
    expect(map.markIn).toEqual(["O"]);
    expect(map.markOut).toEqual(["I"]);
  });

  it("keeps the holder's other keys", () => {
    const map = swap(DEFAULT_KEYS, "markIn", ",");
    expect(map.markIn).toEqual([","]);
    expect(map.frameBack).toEqual(["ArrowLeft", "I"]);
    expect(new Set(allCombos(map)).size).toBe(allCombos(map).length);
  });
});

describe("parseKeyMap", () => {
  it("reads back what was kept", () => {
    const result = assign(DEFAULT_KEYS, "markIn", "Q");
    if (!result.ok) throw new Error("refused");
    expect(parseKeyMap(JSON.parse(JSON.stringify(result.map)))).toEqual(result.map);
  });

  it("falls back to the defaults for anything that is not a key map", () => {
    for (const stored of [null, undefined, 3, "I", [], [["markIn", ["Q"]]]]) expect(parseKeyMap(stored)).toEqual(DEFAULT_KEYS);
  });

  it("keeps each action's defaults where its stored keys are not usable, and drops unknown actions", () => {
    const map = parseKeyMap({
      markIn: ["Q"],
      markOut: "P",
      split: [],
      pause: ["k"],
      reverse: ["Tab"],
      forward: [7],
      help: ["F1", { key: "x" }],
      launchRockets: ["R"],
      __proto__: { zoomIn: ["Z"] },
    });
    const changed = (Object.keys(map) as ActionId[]).filter((id) => map[id].join() !== DEFAULT_KEYS[id].join());
    expect(changed).toEqual(["markIn"]);
    expect(map.markIn).toEqual(["Q"]);
    expect(Object.keys(map)).not.toContain("launchRockets");
  });

  it("gives a combo claimed twice to the first action in page order only", () => {
    const map = parseKeyMap({ playPause: ["I"], frameBack: ["X", "X"] });
    expect(map.playPause).toEqual(["I"]);
    expect(map.markIn).toEqual([]);
    expect(map.frameBack).toEqual(["X"]);
    expect(actionAt(map, "I")).toBe("playPause");
  });
});
