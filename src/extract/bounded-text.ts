/**
 * Text reads with a length cap. `textContent` builds the whole subtree's text: on a hostile page a single
 * heading can hold 10 MB, and every reader that only needs the first words would pay for all of it.
 * Dependency-free, so the content script's gate can use it too.
 */

/**
 * The first `max` characters of `node.textContent` (script and style text included, exactly as
 * textContent has them), reading text nodes in document order and stopping once `max` are gathered.
 */
export function textStart(node: Node | null | undefined, max: number): string {
  if (!node) return '';
  if (node.nodeType === 3) return (node.nodeValue ?? '').slice(0, max);
  let out = '';
  const root = node;
  let n: Node | null = node.firstChild;
  while (n && out.length < max) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    // Next in document order without leaving `root`.
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) n = null;
    }
    n = n ? n.nextSibling : null;
  }
  return out.length > max ? out.slice(0, max) : out;
}
