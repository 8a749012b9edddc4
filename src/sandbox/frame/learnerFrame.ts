import { frameDocument } from './bootstrap';

/** A learner worker started in the frame: stop it with `kill`; `exited` says it died by itself. */
export interface LearnerHandle {
  kill(): void;
  exited: Promise<string>;
}

/** Starts learner workers; the runner's only way to the learner realm (tests pass a stand-in). */
export type SpawnLearner = (port: MessagePort) => LearnerHandle;

/**
 * The page's side of the sandboxed frame (bootstrap.ts): made on the first spawn, hidden, kept for
 * the page's lifetime. The runtime's text is fetched from our origin (so the service worker's
 * precache serves it offline) and handed to the frame once. The page only ever posts to the frame
 * and listens to it; the learner workers' ports go to their graders, never to the page.
 */
export class LearnerFrame {
  #frame: Promise<HTMLIFrameElement> | undefined;
  #ids = 0;
  #exits = new Map<number, (message: string) => void>();
  readonly #runtime: () => Promise<string>;

  constructor(runtime: () => Promise<string>) {
    this.#runtime = runtime;
  }

  #open(): Promise<HTMLIFrameElement> {
    this.#frame ??= (async () => {
      const source = this.#runtime();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.setAttribute('aria-hidden', 'true');
      frame.title = 'Code sandbox';
      frame.tabIndex = -1;
      frame.style.display = 'none';
      frame.srcdoc = frameDocument();
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      window.addEventListener('message', (event) => {
        if (event.source !== frame.contentWindow || event.data?.type !== 'exited') return;
        this.#exits.get(Number(event.data.id))?.(String(event.data.message ?? ''));
      });
      await loaded;
      frame.contentWindow?.postMessage({ type: 'runtime', source: await source }, '*');
      return frame;
    })();
    this.#frame.catch(() => {
      this.#frame = undefined;
    });
    return this.#frame;
  }

  spawn: SpawnLearner = (port) => {
    const id = ++this.#ids;
    let killed = false;
    const exited = new Promise<string>((resolve) => this.#exits.set(id, resolve));
    const opened = this.#open();
    opened.then(
      (frame) => {
        if (!killed) frame.contentWindow?.postMessage({ type: 'spawn', id, port }, '*', [port]);
      },
      (e: unknown) => this.#exits.get(id)?.(`the sandbox could not start: ${String(e)}`),
    );
    return {
      exited,
      kill: () => {
        killed = true;
        this.#exits.delete(id);
        void opened.then((frame) => frame.contentWindow?.postMessage({ type: 'kill', id }, '*'));
      },
    };
  };

  /** Removes the frame: every learner worker in it stops with it. */
  dispose(): void {
    const frame = this.#frame;
    this.#frame = undefined;
    void frame?.then((f) => f.remove());
  }
}
