// The event streams (a meeting's live view) open in this process. They never end by themselves within
// a request's time, so a process that stops ends them first: the browser then reconnects, to another
// process or to the restarted one, instead of holding the shutdown until its grace period runs out.

const open = new Set<() => void>();

/** Registers a stream's way to end; returns what unregisters it. */
export function trackEventStream(end: () => void) {
  open.add(end);
  return () => {
    open.delete(end);
  };
}

/** Ends every open stream of this process. */
export function endEventStreams() {
  for (const end of [...open]) end();
}
