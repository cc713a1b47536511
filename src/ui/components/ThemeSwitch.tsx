import { For } from "solid-js";
import { THEMES, type Theme } from "../../storage/settings";

const NAMES: Record<Theme, string> = { system: "System", dark: "Dark", light: "Light" };

/** System, Dark or Light: applied at once and kept. */
export function ThemeSwitch(props: { theme: Theme; onChoose: (theme: Theme) => void }) {
  return (
    <label class="theme-switch">
      Theme{" "}
      <select value={props.theme} onChange={(event) => props.onChoose(THEMES.find((theme) => theme === event.currentTarget.value) ?? "system")}>
        <For each={THEMES}>{(theme) => <option value={theme}>{NAMES[theme]}</option>}</For>
      </select>
    </label>
  );
}
