import type { Estimate } from '../types';
import { formatKg, formatRange, methodLabel } from './format';
import { HOST_STYLE, PART_STYLES, type BadgePart } from './style';
import { carKmEquivalent } from '../engine/equivalents';

export type BadgeModel =
  | { kind: 'estimate'; estimate: Estimate }
  | { kind: 'added'; kg: number | null; onUndo: () => void }
  | { kind: 'undone' }
  | { kind: 'message'; text: string };

export interface BadgeHandle {
  update(model: BadgeModel): void;
  remove(): void;
  readonly host: HTMLElement;
  /** For tests only: the closed root is otherwise unreachable, which is the point. */
  readonly root: ShadowRoot;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A valid custom-element name that differs on every page load, so a page cannot select it by name. */
export function randomHostName(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += LETTERS[Math.floor(random() * LETTERS.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * The in-page badge: a closed shadow root on a randomly named host. Page strings reach it only through
 * textContent; the only markup is our own, built with createElement.
 */
export function createBadge(doc: Document, model: BadgeModel): BadgeHandle {
  const host = doc.createElement(randomHostName());
  host.style.cssText = HOST_STYLE;
  const root = host.attachShadow({ mode: 'closed' });
  const box = el(doc, 'section', 'box');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  root.append(box);

  const handle: BadgeHandle = {
    host,
    root,
    update(next) {
      box.replaceChildren(...render(doc, next, () => handle.remove()));
    },
    remove() {
      host.remove();
    },
  };
  handle.update(model);
  (doc.body ?? doc.documentElement).append(host);
  return handle;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, part: BadgePart, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  e.className = part;
  e.style.cssText = PART_STYLES[part];
  if (text !== undefined) e.textContent = text;
  return e;
}

function closeButton(doc: Document, onClose: () => void): HTMLButtonElement {
  const b = el(doc, 'button', 'close', '×');
  b.type = 'button';
  b.setAttribute('aria-label', 'Hide footprint estimate');
  b.addEventListener('click', (ev) => {
    if (ev.isTrusted) onClose();
  });
  return b;
}

function render(doc: Document, model: BadgeModel, onClose: () => void): Node[] {
  const label = el(doc, 'span', 'label', 'Footprint');
  switch (model.kind) {
    case 'estimate': {
      const e = model.estimate;
      if (e.kg === null) {
        return [label, el(doc, 'strong', 'kg', 'unknown'), el(doc, 'span', 'detail', e.note ?? 'Not enough to go on for an honest estimate.'), closeButton(doc, onClose)];
      }
      const range = formatRange(e);
      const nodes: Node[] = [label, el(doc, 'strong', 'kg', `≈ ${formatKg(e.kg)} kg CO2e`)];
      nodes.push(el(doc, 'span', 'detail', [range ? `range ${range}` : null, methodLabel(e.method)].filter(Boolean).join(' · ')));
      nodes.push(el(doc, 'span', 'detail', `about ${formatKg(carKmEquivalent(e.kg))} km by an average car`));
      if (e.comparison) nodes.push(el(doc, 'span', 'detail', e.comparison));
      if (e.hint) nodes.push(el(doc, 'span', 'detail hint', e.hint));
      nodes.push(closeButton(doc, onClose));
      return nodes;
    }
    case 'added': {
      const undo = el(doc, 'button', 'undo', 'Undo');
      undo.type = 'button';
      // Only a real click by the user may remove a purchase; a page can dispatch synthetic clicks.
      undo.addEventListener('click', (ev) => {
        if (ev.isTrusted) model.onUndo();
      });
      const text = model.kg === null ? 'Added to your footprint (estimate unknown).' : `Added to your footprint: ${formatKg(model.kg)} kg CO2e.`;
      return [el(doc, 'span', 'added', text), undo, closeButton(doc, onClose)];
    }
    case 'undone':
      return [el(doc, 'span', 'added', 'Removed from your footprint.'), closeButton(doc, onClose)];
    case 'message':
      return [label, el(doc, 'span', 'detail', model.text), closeButton(doc, onClose)];
  }
}
