/**
 * The learner realm's frame: a `sandbox="allow-scripts"` srcdoc iframe (an opaque origin: no
 * storage, no cookies, no service worker) whose only script is the bootstrap below. It turns the
 * learner runtime (sent by the page as text) into a blob: URL and starts learner workers from it,
 * each given the port to its grader; it stops them when told.
 *
 * A blob: worker inherits its creator's Content Security Policy, and a srcdoc frame inherits the
 * page's: the learner worker lives under both, the page's and LEARNER_CSP, and is bound by the
 * stricter of each. LEARNER_CSP alone allows no request of any kind (fetch, XHR, WebSocket,
 * WebSocketStream, EventSource, import() or importScripts() of any URL but a blob: the realm made
 * itself), no eval, and no worker but a blob: one; the page's adds no eval either. So learner code
 * has no network by any API, in `npm run dev` (no page policy) as in the build.
 * The page's own policy must allow this bootstrap (its hash) and blob: scripts: PAGE_SCRIPT_SOURCES.
 */
export const FRAME_BOOTSTRAP =
  "(()=>{let u;const w=new Map();onmessage=(e)=>{if(e.source!==parent)return;const m=e.data;if(m.type==='runtime'){u=URL.createObjectURL(new Blob([m.source],{type:'text/javascript'}))}else if(m.type==='spawn'){const k=new Worker(u,{name:'learner'});let t=0;k.onerror=(v)=>{v.preventDefault();if(!t++)parent.postMessage({type:'exited',id:m.id,message:String(v.message||'')},'*')};k.postMessage({port:m.port},[m.port]);w.set(m.id,k)}else if(m.type==='kill'){const k=w.get(m.id);w.delete(m.id);if(k)k.terminate()}}})()";

/** sha256 of FRAME_BOOTSTRAP, as CSP writes it (test/sandbox/bootstrap.test.ts keeps it true). */
export const FRAME_BOOTSTRAP_HASH = "'sha256-LtJ+3Rb6gOmiD+cpVkvLSZhGV7bY+MJRZiHjpRlS11I='";

export const LEARNER_CSP = `default-src 'none'; script-src ${FRAME_BOOTSTRAP_HASH} blob:; worker-src blob:`;

/** What the page's `script-src` must add for the sandbox: the bootstrap, and the learner's code as blob: modules. */
export const PAGE_SCRIPT_SOURCES = [FRAME_BOOTSTRAP_HASH, 'blob:'] as const;

/** The frame's whole document (its srcdoc). */
export function frameDocument(): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${LEARNER_CSP}"><script>${FRAME_BOOTSTRAP}</script>`;
}
