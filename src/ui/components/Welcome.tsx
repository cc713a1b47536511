import { Show } from "solid-js";
import { plural } from "../../core/plural";
import type { Opener } from "../opener";
import type { Projects } from "../projects";
import { ProjectList } from "./ProjectList";

/** The start page: what Clipmark does, the last project, and the Projects list. */
export function Welcome(props: { projects: Projects; opener: Opener; onError: (message: string) => void }) {
  return (
    <main class="welcome">
      <p>Open a video to start. It stays on this computer: nothing is uploaded.</p>
      <Show when={props.projects.list()[0]?.project}>
        {(last) => (
          <p role="note" aria-label="Last project">
            Last project: {last().name}, {plural(last().clips.length, "clip", "clips")}, edited {new Date(last().edited).toLocaleString()}. Open
            it from the list below, or open its video, to go on where you left off.
          </p>
        )}
      </Show>
      <p>
        Press <kbd>?</kbd> for the keys.
      </p>
      <ProjectList projects={props.projects} opener={props.opener} onError={props.onError} />
    </main>
  );
}
