/**
 * The badge's look as inline styles, set through CSSOM (element.style), which no page CSP restricts; no
 * stylesheet and no web_accessible_resources entry. A <style> in the shadow root made attaching the badge
 * cost 0.26 ms on a product page (Chromium builds the sheet's rule set when it is connected), these 0.07.
 * The dark theme is light-dark() under `color-scheme: light dark`, which follows the user's setting like
 * a prefers-color-scheme query; a focused button keeps the browser's own focus ring.
 */

/** On the host, in the page's cascade: !important, so that no page rule moves or hides it. */
export const HOST_STYLE = 'all: initial !important; position: fixed !important; z-index: 2147483646 !important; right: 16px !important; bottom: 16px !important';

const BUTTON = 'font: inherit; cursor: pointer;';
const MUTED = 'color: light-dark(#2d4a38, #b5dcc3);';

/** Per part of the badge (also its class name, which tests and readers of the DOM go by). */
export const PART_STYLES = {
  box:
    'color-scheme: light dark; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: light-dark(#14301f, #e6f4ea); ' +
    'background: light-dark(#f3faf5, #16261c); border: 1px solid light-dark(#2f7a4b, #5fb883); border-radius: 10px; padding: 8px 28px 8px 12px; ' +
    'max-width: 260px; box-shadow: 0 2px 10px rgba(0,0,0,.18); display: flex; flex-direction: column; gap: 2px; position: relative;',
  label: 'font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: light-dark(#3b6b4d, #b5dcc3);',
  kg: 'font-size: 16px;',
  detail: `font-size: 12px; ${MUTED}`,
  'detail hint': `font-size: 12px; ${MUTED} font-style: italic;`,
  added: 'font-weight: 600;',
  undo: `${BUTTON} align-self: flex-start; margin-top: 4px; border: 1px solid light-dark(#2f7a4b, #5fb883); background: light-dark(#fff, #16261c); color: light-dark(#14301f, #e6f4ea); border-radius: 6px; padding: 2px 10px;`,
  close: `${BUTTON} position: absolute; top: 2px; right: 4px; border: 0; background: transparent; ${MUTED} font-size: 16px; line-height: 1; padding: 4px;`,
} as const;

export type BadgePart = keyof typeof PART_STYLES;
