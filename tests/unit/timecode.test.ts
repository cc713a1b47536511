import { describe, expect, it } from "vitest";
import { formatLength, formatOffset, formatSeconds, formatTimecode, parseTime } from "../../src/core/timecode";

describe("parseTime", () => {
  it.each([
    ["83.5", 83.5],
    ["1:23.5", 83.5],
    ["00:01:23.500", 83.5],
    ["01:00:00", 3600],
    [" 7 ", 7],
    [".5", 0.5],
    ["0", 0],
  ])("reads %s as %d seconds", (text, seconds) => {
    expect(parseTime(text)).toEqual({ ok: true, value: seconds });
  });

  it.each(["", "abc", "1:2:3:4", "1:75", "-3", "1.2.3", "00:60:00", "1:", "1e3"])("refuses %j", (text) => {
    expect(parseTime(text).ok).toBe(false);
  });

  it("says what was wrong", () => {
    const result = parseTime("12:99");
    expect(result.ok || result.error).toContain("60 or more");
  });
});

describe("formatTimecode", () => {
  it.each([
    [0, "00:00:00.000"],
    [83.5, "00:01:23.500"],
    [3723.0456, "01:02:03.046"],
    [59.9996, "00:01:00.000"],
    [-1, "00:00:00.000"],
  ])("writes %d as %s", (seconds, text) => {
    expect(formatTimecode(seconds)).toBe(text);
  });

  it("round-trips through parseTime to the millisecond", () => {
    for (const seconds of [0.001, 1.28, 4.12, 3599.999, 36000.5]) {
      const back = parseTime(formatTimecode(seconds));
      expect(back.ok && back.value).toBeCloseTo(seconds, 3);
    }
  });
});

describe("formatSeconds", () => {
  it("keeps microseconds and drops trailing zeros", () => {
    expect(formatSeconds(4.12)).toBe("4.12");
    expect(formatSeconds(1001 / 30000)).toBe("0.033367");
    expect(formatSeconds(2)).toBe("2");
    expect(formatSeconds(0)).toBe("0");
  });
});

describe("formatOffset", () => {
  it("signs the shift", () => {
    expect(formatOffset(-0.12)).toBe("−0.120 s");
    expect(formatOffset(1)).toBe("+1.000 s");
    expect(formatOffset(0)).toBe("±0.000 s");
  });
});

describe("formatLength", () => {
  it("writes minutes and seconds, and a fraction only when there is one", () => {
    expect(formatLength(30)).toBe("0:30");
    expect(formatLength(1.5)).toBe("0:01.5");
    expect(formatLength(61.25)).toBe("1:01.25");
    expect(formatLength(3723.999)).toBe("1:02:04");
  });
});
