import type { Page } from "@playwright/test";
import { press } from "./page";

/** Moves the playhead by typing a time in the Playhead field. */
export async function typeTime(page: Page, seconds: number): Promise<void> {
  const field = page.getByRole("textbox", { name: "Playhead" });
  await field.fill(String(seconds));
  await field.press("Enter");
}

/** A clip from `from` to `to`, marked with I and O at typed times. */
export async function markClip(page: Page, from: number, to: number): Promise<void> {
  await typeTime(page, from);
  await press(page, "i");
  await typeTime(page, to);
  await press(page, "o");
}
