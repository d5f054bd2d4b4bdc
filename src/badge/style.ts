/** Our own CSS, inlined so that no web_accessible_resources entry is needed. */
export const BADGE_CSS = `
:host { all: initial; }
.box { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #14301f; background: #f3faf5;
  border: 1px solid #2f7a4b; border-radius: 10px; padding: 8px 28px 8px 12px; max-width: 260px; box-shadow: 0 2px 10px rgba(0,0,0,.18);
  display: flex; flex-direction: column; gap: 2px; position: relative; }
.label { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #3b6b4d; }
.kg { font-size: 16px; }
.detail { font-size: 12px; color: #2d4a38; }
.hint { font-style: italic; }
.added { font-weight: 600; }
button { font: inherit; cursor: pointer; }
.undo { align-self: flex-start; margin-top: 4px; border: 1px solid #2f7a4b; background: #fff; color: #14301f; border-radius: 6px; padding: 2px 10px; }
.close { position: absolute; top: 2px; right: 4px; border: 0; background: transparent; color: #2d4a38; font-size: 16px; line-height: 1; padding: 4px; }
button:focus-visible { outline: 2px solid #1b5e37; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6f4ea; background: #16261c; border-color: #5fb883; }
  .label, .detail, .close { color: #b5dcc3; }
  .undo { background: #16261c; color: #e6f4ea; border-color: #5fb883; }
}
`;
