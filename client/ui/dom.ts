// A very small virtual DOM: views describe the screen with h(), patch() brings the real DOM
// up to date without rebuilding it, so a field keeps its focus and its half-typed text while
// the match changes around it. Text inputs are uncontrolled: `value` is set once, on creation;
// so is a <details>'s `open` — afterwards opening and closing it is the reader's choice.

export type Child = VNode | string | number | null | undefined | false | Child[];
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

export interface VNode {
  readonly tag: string;
  readonly props: Props;
  readonly children: Child[];
}

export function h(tag: string, props: Props | null = null, ...children: Child[]): VNode {
  return { tag, props: props ?? {}, children };
}

function flatten(children: Child[], into: (VNode | string)[] = []): (VNode | string)[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child, into);
    else if (typeof child === "object") into.push(child);
    else into.push(String(child));
  }
  return into;
}

const keyOf = (node: Node): string | null => (node instanceof Element ? node.getAttribute("data-key") : null);

const SVG_NS = "http://www.w3.org/2000/svg";

/** Charts are drawn as SVG: an <svg> and everything inside it live in the SVG namespace. */
function create(vnode: VNode | string, parent: Element): Node {
  if (typeof vnode === "string") return document.createTextNode(vnode);
  const svg = vnode.tag === "svg" || (parent.namespaceURI === SVG_NS && parent.localName !== "foreignObject");
  const element = svg ? document.createElementNS(SVG_NS, vnode.tag) : document.createElement(vnode.tag);
  update(element, vnode, true);
  return element;
}

/** Fields whose value is the person's input rather than data from the view. */
function typed(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && element.type !== "checkbox" && element.type !== "radio";
}

/** The tick each checkbox's view last asked for (see update). */
const checkboxDefaults = new WeakMap<HTMLInputElement, boolean>();

/** Properties that live on the element object rather than in attributes. */
const liveProperties = new Set(["checked", "selected", "disabled"]);

function update(element: Element, vnode: VNode, created: boolean): void {
  const props = vnode.props;
  for (const attribute of [...element.attributes]) {
    // `open` on a <details> without an `open` prop is the reader's choice: keep it across renders.
    if (!(attribute.name in props) && attribute.name !== "style" && attribute.name !== "open") element.removeAttribute(attribute.name);
  }
  const record = element as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith("on") && (typeof value === "function" || value === undefined || value === null)) {
      record[name.toLowerCase()] = value ?? null;
      continue;
    }
    // What a person types or picks is theirs: a field's value is set once. An <option>'s or a
    // radio's value is data, kept current like any attribute (options are reused by position).
    if (name === "value" && typed(element)) {
      if (created && !(element instanceof HTMLSelectElement)) (element as HTMLInputElement).value = String(value ?? "");
      continue;
    }
    if (name === "open") {
      if (created && value === true) element.setAttribute("open", "");
      continue;
    }
    if (liveProperties.has(name)) {
      // undefined: leave the element as the user left it (e.g. a radio waiting for its reply).
      if (value === undefined) continue;
      // A checkbox's tick is the person's input, like a typed value: the view sets it when the
      // element is made and again only when the view's own value changes — a frame arriving
      // while a student fills in a form must not untick what they ticked.
      if (name === "checked" && element instanceof HTMLInputElement && element.type === "checkbox") {
        const shown = value === true;
        if (created || checkboxDefaults.get(element) !== shown) element.checked = shown;
        checkboxDefaults.set(element, shown);
      } else record[name] = value === true;
    }
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else {
      const text = value === true ? "" : String(value);
      if (element.getAttribute(name) !== text) element.setAttribute(name, text);
    }
  }
  if (props["data-keep"]) return;
  patch(element, vnode.children);
  // A select's value names one of its options, so it is chosen once they exist; as the
  // default, so a form reset comes back to it.
  if (created && element instanceof HTMLSelectElement && typeof props.value === "string") {
    for (const option of element.options) option.defaultSelected = option.value === props.value;
    element.value = props.value;
  }
}

/** Makes `parent`'s children match `children`, reusing elements by data-key, then by tag. */
export function patch(parent: Element, children: Child[]): void {
  const wanted = flatten(children);
  const keyed = new Map<string, Node>();
  for (const node of parent.childNodes) {
    const key = keyOf(node);
    if (key !== null) keyed.set(key, node);
  }
  wanted.forEach((vnode, index) => {
    const current: Node | null = parent.childNodes[index] ?? null;
    let node: Node | null = null;
    if (typeof vnode === "string") {
      if (current instanceof Text) {
        if (current.data !== vnode) current.data = vnode;
        node = current;
      }
    } else {
      const key = vnode.props["data-key"];
      if (typeof key === "string" || typeof key === "number") {
        const found = keyed.get(String(key));
        if (found instanceof Element && found.localName === vnode.tag) {
          node = found;
          keyed.delete(String(key));
          update(found, vnode, false);
        }
      } else if (current instanceof Element && keyOf(current) === null && current.localName === vnode.tag) {
        node = current;
        update(current, vnode, false);
      }
    }
    node ??= create(vnode, parent);
    if (node !== current) parent.insertBefore(node, current);
  });
  while (parent.childNodes.length > wanted.length) parent.lastChild?.remove();
}
