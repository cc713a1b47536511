import type { EngineInfo } from "../../media/media-api";
import type { OfflineState } from "../../offline/updates";
import type { SaveState } from "../autosave";

/** What the page runs on, and whether it works offline. */
export type EngineState = EngineInfo | "loading" | { failed: string };

export function EngineStatus(props: { engine: EngineState }) {
  const text = () => {
    const engine = props.engine;
    // In a user's words: which engine and how fast it loaded are ours to know.
    if (engine === "loading") return "Getting ready…";
    if ("failed" in engine) return "The page could not start its video engine. Reload the page to try again";
    return "Ready";
  };
  return (
    <p class="engine" role="status" aria-label="Engine">
      {text()}
    </p>
  );
}

const OFFLINE_TEXT: Record<OfflineState, string> = {
  preparing: "Offline: getting ready…",
  ready: "Offline: ready, works without the network",
  unavailable: "Offline: not available in this browser",
};

export function OfflineStatus(props: { state: OfflineState }) {
  return (
    <p class="engine" role="status" aria-label="Offline">
      {OFFLINE_TEXT[props.state]}
    </p>
  );
}

const SAVE_TEXT: Record<SaveState, string> = {
  idle: "Nothing to save yet: mark a clip to start the project",
  pending: "Saving…",
  saved: "All changes saved in this browser",
  failed: "Changes not saved",
};

export function SaveStatus(props: { state: SaveState; readOnly: boolean }) {
  return (
    <p class="engine" role="status" aria-label="Saving">
      {props.readOnly ? "Read-only here: the other tab saves this project" : SAVE_TEXT[props.state]}
    </p>
  );
}
