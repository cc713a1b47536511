import type { MediaInfo } from "../../src/core/media-info";
import type { ExportProgress } from "../../src/core/progress";
import type { MediaRef } from "../../src/core/project";
import { fail, ok, type Result } from "../../src/core/result";
import { CANCELLED, type ExportDestination, type Exported, type RenderRequest } from "../../src/media/media-api";
import type { JobResult } from "../../src/media/media-error";
import type { AppMedia } from "../../src/ui/app-context";

/** A call the fake has not answered yet; the test answers it when it likes, in any order. */
interface Waiting<Ask, Answer> {
  ask: Ask;
  answer(value: Answer): void;
}

class Calls<Ask, Answer> {
  readonly waiting: Waiting<Ask, Answer>[] = [];

  add(ask: Ask): Promise<Answer> {
    return new Promise((resolve) => {
      const call = {
        ask,
        answer: (value: Answer) => {
          this.waiting.splice(this.waiting.indexOf(call), 1);
          resolve(value);
        },
      };
      this.waiting.push(call);
    });
  }

  /** The oldest waiting call `which` picks; a test that expects one that is not there fails. */
  find(which: (ask: Ask) => boolean, what: string): Waiting<Ask, Answer> {
    const call = this.waiting.find((waiting) => which(waiting.ask));
    if (!call) throw new Error(`no ${what} is waiting`);
    return call;
  }
}

/** What a file probes as: its details and identity, or the plain words a failed probe says. */
export type Probe = { info: MediaInfo; media: MediaRef } | { error: string };

export interface Render {
  request: RenderRequest;
  destination: ExportDestination;
  onProgress: (progress: ExportProgress) => void;
}

/**
 * The media worker as the page's stores see it, keeping the real client's contract: every call is
 * async and answered by the test, so probes of two files end in whichever order the test says (the
 * real probe and identify run side by side in the worker); results are `Result`/`JobResult` with a
 * kind; progress comes over its own channel and may come after the result; cancel ends the running
 * export as cancelled.
 */
export class FakeMedia implements AppMedia {
  readonly probes = new Calls<File, Result<MediaInfo>>();
  readonly identities = new Calls<File, Result<MediaRef>>();
  readonly renders = new Calls<Render, JobResult<Exported>>();
  started = 0;

  constructor(private readonly files: Record<string, Probe> = {}) {}

  start() {
    this.started++;
    return Promise.resolve({ loadSeconds: 0 });
  }

  probe(file: File): Promise<Result<MediaInfo>> {
    return this.probes.add(file);
  }

  identify(file: File): Promise<Result<MediaRef>> {
    return this.identities.add(file);
  }

  render(request: RenderRequest, destination: ExportDestination, onProgress: (progress: ExportProgress) => void) {
    return this.renders.add({ request, destination, onProgress });
  }

  cancel(): Promise<void> {
    for (const call of [...this.renders.waiting]) call.answer({ ok: false, kind: "cancelled", error: CANCELLED });
    return Promise.resolve();
  }

  /** Answers the probe and the identity of the file named `name`, as its entry says. */
  finishProbe(name: string): void {
    const probe = this.files[name];
    if (!probe) throw new Error(`the fake has no file ${name}`);
    const probed = this.probes.find((file) => file.name === name, `probe of ${name}`);
    const identified = this.identities.find((file) => file.name === name, `identify of ${name}`);
    if ("error" in probe) {
      probed.answer(fail(probe.error));
      identified.answer(fail(probe.error));
      return;
    }
    probed.answer(ok(probe.info));
    identified.answer(ok(probe.media));
  }

  /** The oldest export still running. */
  running(): Waiting<Render, JobResult<Exported>> {
    return this.renders.find(() => true, "export");
  }
}
