import type { ClientEvent, NetworkCommand } from './protocol';

/**
 * The network between one client and the server instances, with the faults the fuzzer injects. It stands where a
 * load balancer and the machine's connection would: the app talks to one logical address, this routes each request
 * to the instance chosen now (an open stream stays where it was opened), can go offline (open requests are torn
 * down as by a lost connection), delay requests and answers, cut a stream in the middle of an event, and tell the
 * fuzzer that a push is on its way so that it can kill the instance under it.
 */
export class FaultyNetwork {
  offline = false;
  private delay: { minMs: number; maxMs: number } | null = null;
  private cutArmed = false;
  private trapArmed = false;
  private readonly open = new Set<AbortController>();

  constructor(
    private readonly logicalUrl: string,
    private readonly instances: string[],
    private route: number,
    private readonly emit: (event: ClientEvent) => void,
  ) {}

  apply(cmd: NetworkCommand): void {
    if (cmd.route !== undefined) this.route = cmd.route;
    if (cmd.delay !== undefined) this.delay = cmd.delay;
    if (cmd.cutStream) this.cutArmed = true;
    if (cmd.trapPush) this.trapArmed = true;
    if (cmd.offline === true && !this.offline) {
      this.offline = true;
      for (const c of this.open) c.abort(new TypeError('network is offline'));
      this.open.clear();
    } else if (cmd.offline === false) {
      this.offline = false;
    }
  }

  private async wait(): Promise<void> {
    const d = this.delay;
    if (!d) return;
    await new Promise((r) => setTimeout(r, d.minMs + Math.random() * (d.maxMs - d.minMs)));
  }

  private fail(): never {
    throw new TypeError('fetch failed: network is offline');
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const asked = new URL(String(input instanceof Request ? input.url : input));
    if (!asked.href.startsWith(this.logicalUrl)) throw new TypeError(`unexpected address ${asked.href}`);
    if (this.offline) this.fail();
    await this.wait();
    if (this.offline) this.fail();
    const instance = this.route;
    const target = `${this.instances[instance]}${asked.pathname}${asked.search}`;
    const controller = new AbortController();
    this.open.add(controller);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const isStream = asked.pathname.endsWith('/stream');
    if (this.trapArmed && asked.pathname.endsWith('/push') && typeof init?.body === 'string') {
      this.trapArmed = false;
      const ids = (JSON.parse(init.body) as { newDocumentState: { id: string } }[]).map((r) => r.newDocumentState.id);
      this.emit({ event: 'push-sent', instance, ids });
    }
    const streamOf = isStream ? asked.pathname.split('/').at(-2) : undefined;
    if (streamOf) this.emit({ event: 'log', text: `stream@${instance} ${streamOf}: opening` });
    try {
      const res = await fetch(target, { ...init, signal }).catch((err: unknown) => {
        if (streamOf) this.emit({ event: 'log', text: `stream@${instance} ${streamOf}: failed (${String(err)})` });
        throw err;
      });
      if (streamOf) this.emit({ event: 'log', text: `stream@${instance} ${streamOf}: answered ${res.status}` });
      if (isStream && res.ok && res.body) return this.cuttable(res, controller, instance, streamOf!);
      // Read the whole answer here, so that going offline can still tear it down and a delay covers all of it.
      const body = await res.arrayBuffer();
      if (asked.pathname.endsWith('/pull') && res.ok) this.tracePull(instance, asked, body);
      await this.wait();
      if (this.offline || controller.signal.aborted) this.fail();
      return new Response(res.status === 204 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } finally {
      if (!isStream) this.open.delete(controller);
    }
  };

  /** Pulls and stream events go into the trace (ids shortened), so that a divergence can be followed. */
  private tracePull(instance: number, asked: URL, body: ArrayBuffer): void {
    const { documents, checkpoint } = JSON.parse(new TextDecoder().decode(body)) as {
      documents: { id: string }[];
      checkpoint: unknown;
    };
    const since = asked.searchParams.get('checkpoint') ?? 'start';
    this.emit({
      event: 'log',
      text: `pull@${instance} since ${since}: ${documents.length} docs ${short(documents)} -> ${JSON.stringify(checkpoint)}`,
    });
  }

  private traceStream(instance: number, chunk: Uint8Array): void {
    for (const line of new TextDecoder().decode(chunk).split('\n')) {
      if (!line.startsWith('data: ')) continue;
      try {
        const event = JSON.parse(line.slice(6)) as 'RESYNC' | { documents: { id: string }[]; checkpoint: unknown };
        this.emit({
          event: 'log',
          text:
            event === 'RESYNC'
              ? `stream@${instance}: RESYNC`
              : `stream@${instance}: ${event.documents.length} docs ${short(event.documents)} -> ${JSON.stringify(event.checkpoint)}`,
        });
      } catch {
        this.emit({ event: 'log', text: `stream@${instance}: partial event` });
      }
    }
  }

  /** The stream's body, passed through until a cut is armed: then half of the next event arrives and it breaks. */
  private cuttable(res: Response, controller: AbortController, instance: number, collection: string): Response {
    const reader = res.body!.getReader();
    const done = () => {
      if (this.open.delete(controller)) this.emit({ event: 'log', text: `stream@${instance} ${collection}: ended` });
    };
    const body = new ReadableStream<Uint8Array>({
      pull: async (out) => {
        try {
          const { done: end, value } = await reader.read();
          if (end) {
            done();
            out.close();
            return;
          }
          if (this.cutArmed && new TextDecoder().decode(value).includes('data: {')) {
            this.cutArmed = false;
            out.enqueue(value.slice(0, Math.max(1, Math.floor(value.length / 2))));
            this.emit({ event: 'stream-cut', instance });
            controller.abort(new TypeError('terminated'));
            done();
            out.error(new TypeError('terminated: connection cut in the middle of an event'));
            return;
          }
          this.traceStream(instance, value);
          out.enqueue(value);
        } catch (err) {
          done();
          out.error(err);
        }
      },
      cancel: async () => {
        done();
        controller.abort();
        await reader.cancel().catch(() => {});
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
}

function short(docs: { id: string }[]): string {
  return `[${docs
    .slice(0, 8)
    .map((d) => d.id.slice(0, 8))
    .join(' ')}${docs.length > 8 ? ' ...' : ''}]`;
}
