import { For, Show } from "solid-js";
import { totalDuration } from "../../core/clips";
import { formatTimecode } from "../../core/timecode";
import type { Projects } from "../projects";
import { FilePicker } from "./FilePicker";

const megabytes = (bytes: number | undefined) => `${((bytes ?? 0) / 1_000_000).toFixed(1)} MB`;

/** The projects kept in this browser, the last edited first. */
export function ProjectList(props: { projects: Projects }) {
  const projects = props.projects;
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">Projects</h2>
      <p>Open a project's video again to go on where you left off.</p>
      <Show when={projects.usage()}>
        {(usage) => (
          <p aria-label="Storage">
            Storage: {megabytes(usage().usage)} used of {megabytes(usage().quota)} this browser allows this site.
          </p>
        )}
      </Show>
      <div class="edit-list-bar">
        <button type="button" onClick={() => projects.backUp()} disabled={projects.list().length === 0}>
          Back up projects
        </button>
        <FilePicker label="Restore projects" accept=".json,application/json" onFile={(file) => void projects.restore(file)} />
      </div>
      <Show when={projects.list().length > 0} fallback={<p>No projects yet.</p>}>
        <ul aria-label="Projects">
          <For each={projects.list()}>
            {(project) => (
              <li aria-label={project.name}>
                <input
                  type="text"
                  aria-label="Project name"
                  value={project.name}
                  onChange={(event) => void projects.rename(project.id, event.currentTarget.value)}
                />
                <span>
                  {project.media.name} · {project.clips.length} clips · {formatTimecode(totalDuration(project.clips))} · edited{" "}
                  {new Date(project.edited).toLocaleString()}
                </span>
                <button
                  type="button"
                  onClick={() => {
                    if (confirm(`Delete the project "${project.name}" and its ${project.clips.length} clips?`)) {
                      void projects.remove(project.id);
                    }
                  }}
                >
                  Delete project
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
