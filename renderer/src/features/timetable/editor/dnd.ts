/**
 * Native HTML5 drag and drop for the editor. The payload travels in dataTransfer (our own MIME type) and is also
 * kept here, because dragover handlers may not read dataTransfer data (only its types) and need to know what is
 * being dragged to decide where a drop is allowed.
 */
import type { DragEvent } from 'react';

export const DND_MIME = 'application/x-jiaowu-lesson';
export type DragPayload = { kind: 'assignment'; assignmentId: number } | { kind: 'cell'; classId: number; day: number; period: number };

let current: DragPayload | null = null;

export function startDrag(e: DragEvent, payload: DragPayload): void {
  current = payload;
  e.dataTransfer.setData(DND_MIME, JSON.stringify(payload));
  e.dataTransfer.setData('text/plain', payload.kind === 'assignment' ? `assignment:${payload.assignmentId}` : `cell:${payload.day}:${payload.period}`);
  e.dataTransfer.effectAllowed = 'move';
}

/** What is being dragged now (null when the drag is not ours, e.g. a file). */
export function dragging(): DragPayload | null {
  return current;
}

export function endDrag(): void {
  current = null;
}

/** The payload of a drop: from dataTransfer, else the remembered one. */
export function dropPayload(e: DragEvent): DragPayload | null {
  const raw = e.dataTransfer.getData(DND_MIME);
  let p: DragPayload | null = current;
  if (raw) {
    try {
      p = JSON.parse(raw) as DragPayload;
    } catch {
      /* keep the remembered payload */
    }
  }
  current = null;
  return p;
}
