import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";

// Reordering the agenda by dragging, with the mouse or the keyboard (issue 20): pick an item up with
// space, move it with the arrow keys (across sections at their ends), put it down with space, or
// Escape to cancel; each step is announced. The ↑/↓ buttons and the section choice stay for everyone
// without JavaScript. A drop posts one "place" to the page's action, which renumbers the section.

type Sections = { section: AgendaSection; items: { id: number; number: string; subject: string | null }[] }[];
type Order = [AgendaSection, number[]][];

const orderOf = (sections: Sections): Order => sections.map(({ section, items }) => [section, items.map((i) => i.id)]);

function locate(order: Order, id: number) {
  for (let s = 0; s < order.length; s++) {
    const index = order[s]![1].indexOf(id);
    if (index >= 0) return { s, index };
  }
  return null;
}

/** The order with the item one place up (-1) or down (+1), into the neighbouring section at an end. */
function step(order: Order, id: number, delta: -1 | 1): Order {
  const at = locate(order, id);
  if (!at) return order;
  const next = order.map(
    ([section, ids]) => [section, ids.filter((other) => other !== id)] as [AgendaSection, number[]],
  );
  const target = at.index + delta;
  if (target >= 0 && target <= next[at.s]![1].length) {
    next[at.s]![1].splice(target, 0, id);
  } else if (delta < 0 && at.s > 0) {
    next[at.s - 1]![1].push(id);
  } else if (delta > 0 && at.s < order.length - 1) {
    next[at.s + 1]![1].unshift(id);
  } else return order;
  return next;
}

/** The order with the item put before (or, at the end, after) another one. */
function placeAt(order: Order, id: number, section: AgendaSection, index: number): Order {
  const next = order.map(([s, ids]) => [s, ids.filter((other) => other !== id)] as [AgendaSection, number[]]);
  const target = next.find(([s]) => s === section);
  target?.[1].splice(Math.min(index, target[1].length), 0, id);
  return next;
}

export function useAgendaReorder(sections: Sections) {
  const fetcher = useFetcher();
  const [scripted, setScripted] = useState(false);
  const [moving, setMoving] = useState<Order | null>(null);
  const [grabbed, setGrabbed] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const pickedUpFrom = useRef<Order | null>(null);
  const dragged = useRef<number | null>(null);
  useEffect(() => setScripted(true), []);
  // A saved order comes back from the server; the local one is let go once it has.
  useEffect(() => setMoving(null), [sections]);
  const order = moving ?? orderOf(sections);
  const labels = new Map(sections.flatMap(({ items }) => items.map((i) => [i.id, `${i.number} ${i.subject ?? ""}`])));

  useEffect(() => {
    if (grabbed !== null) document.getElementById(`verslepen-${grabbed}`)?.focus();
  }, [order, grabbed]);

  const where = (current: Order, id: number) => {
    const at = locate(current, id)!;
    const [section, ids] = current[at.s]!;
    return `plaats ${at.index + 1} van ${ids.length} in ${agendaSectionLabels[section]}`;
  };
  const save = (current: Order, id: number) => {
    const at = locate(current, id)!;
    fetcher.submit(
      { intent: "place", itemId: String(id), section: current[at.s]![0], index: String(at.index) },
      { method: "post" },
    );
  };

  const onKeyDown = (id: number) => (event: React.KeyboardEvent<HTMLButtonElement>) => {
    const label = labels.get(id) ?? "";
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      if (grabbed === null) {
        pickedUpFrom.current = order;
        setGrabbed(id);
        setMoving(order);
        setMessage(`${label} opgepakt, ${where(order, id)}. Pijltjes verplaatsen, spatie zet neer, Escape annuleert.`);
      } else {
        setGrabbed(null);
        save(order, id);
        setMessage(`${label} neergezet op ${where(order, id)}.`);
      }
    } else if (grabbed === id && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      const next = step(order, id, event.key === "ArrowUp" ? -1 : 1);
      setMoving(next);
      setMessage(where(next, id));
    } else if (grabbed === id && event.key === "Escape") {
      event.preventDefault();
      setGrabbed(null);
      setMoving(null);
      setMessage(`Verplaatsen van ${label} geannuleerd.`);
    }
  };

  /** Props for an item's list element: draggable with the mouse. */
  const itemProps = (id: number, section: AgendaSection) =>
    scripted
      ? {
          draggable: true,
          onDragStart: (event: React.DragEvent) => {
            dragged.current = id;
            pickedUpFrom.current = order;
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", String(id));
          },
          onDragOver: (event: React.DragEvent) => {
            const moved = dragged.current;
            if (moved === null) return;
            event.preventDefault();
            if (moved === id) return;
            const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
            const after = event.clientY > box.top + box.height / 2;
            const base = order
              .find(([s]) => s === section)![1]
              .filter((other) => other !== moved)
              .indexOf(id);
            setMoving(placeAt(order, moved, section, base + (after ? 1 : 0)));
          },
          onDrop: (event: React.DragEvent) => {
            event.preventDefault();
            const moved = dragged.current;
            dragged.current = null;
            if (moved === null) return;
            save(order, moved);
            setMessage(`${labels.get(moved) ?? ""} neergezet op ${where(order, moved)}.`);
          },
          onDragEnd: () => {
            // Let go outside the list: back to where it was.
            if (dragged.current !== null) setMoving(null);
            dragged.current = null;
          },
        }
      : {};

  /** An empty section accepts a dropped item too. */
  const sectionProps = (section: AgendaSection) =>
    scripted
      ? {
          onDragOver: (event: React.DragEvent) => {
            const moved = dragged.current;
            if (moved === null || order.find(([s]) => s === section)![1].length > 0) return;
            event.preventDefault();
            setMoving(placeAt(order, moved, section, 0));
          },
          onDrop: (event: React.DragEvent) => {
            const moved = dragged.current;
            if (moved === null) return;
            event.preventDefault();
            dragged.current = null;
            save(order, moved);
          },
        }
      : {};

  return { scripted, order, grabbed, message, onKeyDown, itemProps, sectionProps };
}

export function DragHandle({
  id,
  label,
  grabbed,
  onKeyDown,
}: {
  id: number;
  label: string;
  grabbed: boolean;
  onKeyDown: (event: React.KeyboardEvent<HTMLButtonElement>) => void;
}) {
  return (
    <button
      type="button"
      id={`verslepen-${id}`}
      className="gremium-drag-handle"
      aria-pressed={grabbed}
      aria-describedby="verslepen-uitleg"
      onKeyDown={onKeyDown}
    >
      <span aria-hidden="true">⠿</span>
      <span className="gremium-visually-hidden">Verslepen: {label}</span>
    </button>
  );
}

/** The instruction the handles refer to, and the live region that announces each step. */
export function ReorderAnnouncements({ scripted, message }: { scripted: boolean; message: string }) {
  return (
    <>
      {scripted ? (
        <p id="verslepen-uitleg" className="gremium-visually-hidden">
          Druk op spatie om het punt op te pakken, verplaats het met de pijltjestoetsen en zet het neer met spatie.
          Escape annuleert. Met de muis kunt u het punt ook slepen.
        </p>
      ) : null}
      <div aria-live="assertive" className="gremium-visually-hidden">
        {message}
      </div>
    </>
  );
}
