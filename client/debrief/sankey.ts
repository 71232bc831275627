// The money-flow layout: d3-sankey places funders on the left and recipients on the right,
// one band per pair with its width by tokens; the chart draws the result as SVG paths.
// Node labels sit at node centres, so nodes `padding` apart never have overlapping labels.
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import type { Payment } from "../../shared/analysis/debrief.js";

export interface FlowNode {
  id: string;
  role: string;
  side: "from" | "to";
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface FlowLink {
  from: string;
  to: string;
  amount: number;
  width: number;
  path: string;
  midX: number;
  midY: number;
}

type NodeExtra = { id: string; role: string; side: "from" | "to" };
type LinkExtra = { from: string; to: string };

/** `padding` between nodes of a side: more than a line of label text keeps labels apart. */
export function flowLayout(flows: readonly Payment[], box: { x0: number; x1: number; y0: number; y1: number }, padding = 14): { nodes: FlowNode[]; links: FlowLink[] } {
  // A role that both pays and receives appears on both sides, so the diagram stays two columns.
  const pairs = new Map<string, { from: string; to: string; amount: number }>();
  for (const f of flows) {
    const key = `${f.from}>${f.to}`;
    const pair = pairs.get(key) ?? { from: f.from, to: f.to, amount: 0 };
    pair.amount += Math.max(1, f.amount);
    pairs.set(key, pair);
  }
  const nodes: NodeExtra[] = [];
  const seen = new Set<string>();
  const node = (role: string, side: "from" | "to") => {
    const id = `${side}:${role}`;
    if (!seen.has(id)) {
      seen.add(id);
      nodes.push({ id, role, side });
    }
    return id;
  };
  const links = [...pairs.values()].map((p) => ({ source: node(p.from, "from"), target: node(p.to, "to"), value: p.amount, from: p.from, to: p.to }));
  const layout = sankey<NodeExtra, LinkExtra>()
    .nodeId((n) => n.id)
    .nodeWidth(16)
    .nodePadding(padding)
    .nodeSort((a, b) => a.role.localeCompare(b.role))
    .extent([
      [box.x0, box.y0],
      [box.x1, box.y1],
    ]);
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal<NodeExtra, LinkExtra>();
  return {
    nodes: graph.nodes.map((n: SankeyNode<NodeExtra, LinkExtra>) => ({ id: n.id, role: n.role, side: n.side, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0 })),
    links: graph.links.map((l: SankeyLink<NodeExtra, LinkExtra>) => {
      const source = l.source as SankeyNode<NodeExtra, LinkExtra>;
      const target = l.target as SankeyNode<NodeExtra, LinkExtra>;
      return {
        from: l.from,
        to: l.to,
        amount: l.value,
        width: l.width ?? 1,
        path: path(l) ?? "",
        midX: ((source.x1 ?? 0) + (target.x0 ?? 0)) / 2,
        midY: ((l.y0 ?? 0) + (l.y1 ?? 0)) / 2,
      };
    }),
  };
}
