// Building DOM from data. Text always goes in through textContent, never innerHTML, so a follower
// named `<img src=x onerror=…>` is shown as those characters and never becomes markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  title?: string;
  /** attributes set with setAttribute (values are text, never parsed) */
  attrs?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (ev: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.title) node.title = props.title;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  if (props.on) for (const [k, fn] of Object.entries(props.on)) if (fn) node.addEventListener(k, fn);
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** An <option> list for a <select>; `selected` picks the one whose value matches. */
export function options(choices: { value: string; label: string }[], selected: string): HTMLOptionElement[] {
  return choices.map((c) => {
    const o = el('option', {}, c.label);
    o.value = c.value;
    o.selected = c.value === selected;
    return o;
  });
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  append(node, children);
  return node;
}
