import { describe, expect, it } from "vitest";
import { comboOf, comboWords, isCombo, isModifierOnly, refusal, type KeyPress } from "../../src/core/key-combo";

const press = (key: string, code = "", modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...modifiers,
});

describe("comboOf", () => {
  it("names a letter in capitals, with Shift only when Shift was held (Caps Lock is not Shift)", () => {
    expect(comboOf(press("i", "KeyI"))).toBe("I");
    expect(comboOf(press("I", "KeyI"))).toBe("I");
    expect(comboOf(press("I", "KeyI", { shiftKey: true }))).toBe("Shift+I");
  });

  it("leaves Shift out of a symbol, whose character already says it", () => {
    expect(comboOf(press("?", "Slash", { shiftKey: true }))).toBe("?");
    expect(comboOf(press("+", "Equal", { shiftKey: true }))).toBe("+");
    expect(comboOf(press(",", "Comma"))).toBe(",");
  });

  it("keeps Shift, Alt and Ctrl on named keys and Space, in that fixed order", () => {
    expect(comboOf(press(" ", "Space"))).toBe("Space");
    expect(comboOf(press(" ", "Space", { shiftKey: true }))).toBe("Shift+Space");
    expect(comboOf(press("ArrowLeft", "ArrowLeft", { shiftKey: true, altKey: true, ctrlKey: true }))).toBe("Ctrl+Alt+Shift+ArrowLeft");
  });

  it("counts Cmd as Ctrl, and names a letter by its place where Alt or Ctrl changed what it types", () => {
    expect(comboOf(press("z", "KeyZ", { metaKey: true }))).toBe("Ctrl+Z");
    expect(comboOf(press("Z", "KeyZ", { ctrlKey: true, shiftKey: true }))).toBe("Ctrl+Shift+Z");
    expect(comboOf(press("ˆ", "KeyI", { altKey: true }))).toBe("Alt+I");
    expect(comboOf(press("¡", "Digit1", { altKey: true }))).toBe("Alt+1");
  });

  it("gives no combo for a modifier alone, a dead key or an input method composing", () => {
    for (const key of ["Shift", "Control", "Alt", "Meta", "CapsLock"]) {
      expect(isModifierOnly(press(key))).toBe(true);
      expect(comboOf(press(key))).toBeNull();
    }
    expect(comboOf(press("Dead", "BracketLeft"))).toBeNull();
    expect(comboOf(press("Process", "KeyA"))).toBeNull();
    expect(comboOf(press("Unidentified"))).toBeNull();
    expect(isModifierOnly(press("i", "KeyI"))).toBe(false);
  });
});

describe("isCombo", () => {
  it("takes what comboOf writes", () => {
    for (const combo of ["I", "Shift+I", "?", "+", "Ctrl++", "Space", "Ctrl+Alt+Shift+ArrowLeft", "F2", "Ctrl+Shift+Z", "ß"]) {
      expect(isCombo(combo), combo).toBe(true);
    }
  });

  it("refuses other spellings and things that are no key", () => {
    for (const combo of ["i", "Shift+?", "Alt+Ctrl+I", "Shift+Shift+I", "Ctrl+", "", "Shift", "Ctrl+Control", "Dead", "<script>", "Arrow Left", "x".repeat(40)]) {
      expect(isCombo(combo), combo).toBe(false);
    }
  });
});

describe("comboWords", () => {
  it("shows arrows, Escape and minus as a person reads them", () => {
    expect(comboWords("Shift+ArrowLeft")).toBe("Shift+←");
    expect(comboWords("Escape")).toBe("Esc");
    expect(comboWords("-")).toBe("−");
    expect(comboWords("Ctrl++")).toBe("Ctrl++");
    expect(comboWords("Ctrl+Shift+Z")).toBe("Ctrl+Shift+Z");
  });
});

describe("refusal", () => {
  it("refuses Tab and the keys the browser keeps, saying why; takes the rest", () => {
    expect(refusal("Tab")).toMatch(/moves between/);
    expect(refusal("Ctrl+W")).toMatch(/browser keeps/);
    expect(refusal("F5")).toMatch(/reloads/);
    expect(refusal("I")).toBeNull();
    expect(refusal("Enter")).toBeNull();
  });
});
