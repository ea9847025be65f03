// Draws a query's physical plan as an SVG graph: sources on the left, the sink on the right.

const SVG = 'http://www.w3.org/2000/svg';
const BOX_W = 165;
const BOX_H = 70;
const GAP_X = 66;
const GAP_Y = 22;

const isPlanNode = (value) => value && typeof value === 'object' && typeof value.node === 'string' && 'id' in value;

/**
 * The plan nodes a node reads: fields holding a plan node, arrays of them, or objects one level
 * down that hold them (a join's sides are {input, keys}).
 */
function childrenOf(node) {
  const found = (value, depth) => {
    if (isPlanNode(value)) {
      return [value];
    }
    if (depth > 1 || !value || typeof value !== 'object') {
      return [];
    }
    const values = Array.isArray(value) ? value : Object.values(value);
    return values.flatMap((v) => found(v, depth + 1));
  };
  return Object.entries(node)
    .filter(([key]) => key !== 'schema' && key !== 'expressions')
    .flatMap(([, value]) => found(value, 0));
}

/**
 * Lays the plan out: a column per distance from the sink (sources leftmost), leaves one row each in
 * plan order, every other node centred on its inputs. A step several others read (a node the plan
 * holds more than once, by id) is one box, where it first appears, in the column left of its
 * farthest reader, with an edge to each reader; its other appearances keep their rows free, so
 * that its readers stand apart. Returns {nodes, edges, width, height}.
 */
export function layout(root, repartitioned = new Set()) {
  const depths = new Map();
  const measure = (node, depth) => {
    depths.set(node.id, Math.max(depths.get(node.id) ?? 0, depth));
    childrenOf(node).forEach((child) => measure(child, depth + 1));
  };
  measure(root, 0);
  const placedById = new Map();
  const nodes = [];
  const edges = [];
  let nextRow = 0;
  // Returns the node's box and the row this appearance of it stands for.
  const visit = (node) => {
    const children = childrenOf(node).map(visit);
    const row = children.length ? children.reduce((sum, c) => sum + c.row, 0) / children.length : nextRow++;
    if (placedById.has(node.id)) {
      return {placed: placedById.get(node.id), row};
    }
    const placed = {plan: node, depth: depths.get(node.id), row, repartition: repartitioned.has(node.id)};
    placedById.set(node.id, placed);
    nodes.push(placed);
    children.forEach((child) => edges.push({from: child.placed, to: placed}));
    return {placed, row};
  };
  visit(root);
  const maxDepth = Math.max(...depths.values());
  for (const node of nodes) {
    node.x = 16 + (maxDepth - node.depth) * (BOX_W + GAP_X);
    node.y = 16 + node.row * (BOX_H + GAP_Y);
  }
  return {
    nodes, edges,
    width: 32 + (maxDepth + 1) * BOX_W + maxDepth * GAP_X,
    height: 32 + Math.max(1, nextRow) * BOX_H + Math.max(0, nextRow - 1) * GAP_Y,
  };
}

/**
 * Each node's line of EXPLAIN's printed plan (`> [ id ] kind what | schema: ...`), by node id, without
 * id, kind and schema; a shared step's first line, the one that describes it.
 */
export function printedNodes(executionPlan) {
  const printed = new Map();
  for (const match of executionPlan.matchAll(/^\s*> \[ (\S+) \] (\S+) (.*?)(?: \| schema: .*)?$/gm)) {
    if (!printed.has(match[1])) {
      printed.set(match[1], match[3]);
    }
  }
  return printed;
}

/** What an operator does, short: a filter's condition, a projection's outputs, an aggregation's groups and functions. */
function summary(plan, text) {
  if (plan.node === 'project') {
    return text.split(/, (?![^(]*\))/).map((item) => item.replace(/^.* AS /, '')).join(', ');
  }
  if (plan.node === 'aggregate') {
    const [functions, rest = ''] = text.split(' group by ');
    const groups = rest.split(', ')[0];
    return `${groups ? `by ${groups}: ` : ''}${functions.replace(/ AS \w+/g, '')}`;
  }
  if (plan.node === 'windowMaxJoin') {
    const value = /^rows whose (\S+) is the greatest/.exec(text);
    return value ? `${value[1]} = MAX per window` : '';
  }
  if (plan.node === 'join' || plan.node === 'windowJoin') {
    const on = /\bon (.*?)(?:, (?:unbounded|within|window|key|repartition|both)\b|$)/.exec(text);
    return on ? `on ${on[1]}` : '';
  }
  return text.replace(/, store \S+$/, '');
}

/** Cuts text into at most {@code count} lines of {@code width} characters, the last one ending in … when cut. */
function wrap(text, width, count) {
  const lines = [];
  let rest = text;
  while (rest && lines.length < count) {
    lines.push(rest.slice(0, width));
    rest = rest.slice(width);
  }
  if (rest && lines.length) {
    lines[lines.length - 1] = lines[lines.length - 1].slice(0, width - 1) + '…';
  }
  return lines;
}

const DETAIL_CHARS = 22;

/** The node's lines under its kind: what it reads, writes, does or keeps. */
function details(plan, text) {
  if (plan.node === 'source') {
    return [plan.sourceName, `topic ${plan.topic}`];
  }
  if (plan.node === 'sink') {
    return [plan.sinkName, `topic ${plan.topic}`];
  }
  const lines = [];
  if (plan.node === 'join' && plan.kind) {
    lines.push(`${plan.kind} ${plan.type || ''}`.trim());
  }
  // An aggregation a window join computes is kept in the join's store, as EXPLAIN says.
  const keptIn = text ? /, kept in (\S+)/.exec(text) : null;
  if (keptIn) {
    lines.push(`kept in ${keptIn[1]}`);
  } else if (plan.storeName) {
    lines.push(`store ${plan.storeName}`);
  }
  const what = text ? summary(plan, text) : '';
  return wrap(what, DETAIL_CHARS, 2 - lines.length).concat(lines).slice(0, 2);
}

/** The node's printed plan line and own fields (not its inputs, not its schema) as JSON, for the hover text. */
function tooltip(plan, text) {
  const own = Object.fromEntries(Object.entries(plan)
    .filter(([key, value]) => key !== 'schema' && !childrenOf({[key]: value}).length));
  return ((text ? `${plan.node} ${text}\n\n` : '') + JSON.stringify(own, null, 1)).slice(0, 1200);
}

function kindClass(plan) {
  if (plan.node === 'source' || plan.node === 'sink') {
    return 'io';
  }
  return plan.storeName ? 'stateful' : 'stateless';
}

const make = (tag, attributes, text) => {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, v));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
};

/**
 * An SVG element showing the plan; {@code topologyText} (EXPLAIN's topology) tells repartitions,
 * {@code executionPlan} (EXPLAIN's printed plan) what each operator does.
 */
export function drawPlan(root, topologyText = '', executionPlan = '') {
  const printed = printedNodes(executionPlan);
  const repartitioned = new Set([...topologyText.matchAll(/Sink: (\S+?)-repartition-sink/g)].map((m) => m[1]));
  const {nodes, edges, width, height} = layout(root, repartitioned);
  const svg = make('svg', {class: 'plan-graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Query topology'});
  const defs = make('defs', {});
  const marker = make('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
    orient: 'auto-start-reverse'});
  marker.appendChild(make('path', {d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head'}));
  defs.appendChild(marker);
  svg.appendChild(defs);
  for (const {from, to} of edges) {
    const x1 = from.x + BOX_W;
    const y1 = from.y + BOX_H / 2;
    const x2 = to.x - 2;
    const y2 = to.y + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    // A repartition feeds the node that needed it (an aggregation's or join's input), so it sits on that edge.
    svg.appendChild(make('path', {class: 'edge' + (to.repartition ? ' repartition' : ''),
      d: `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`, 'marker-end': 'url(#arrow)'}));
    if (to.repartition) {
      svg.appendChild(make('text', {class: 'edge-label', x: mid, y: (y1 + y2) / 2 - 7, 'text-anchor': 'middle'},
        '⇄ repartition'));
    }
  }
  for (const node of nodes) {
    const group = make('g', {class: `plan-node ${kindClass(node.plan)}`, 'data-node': node.plan.node,
      transform: `translate(${node.x}, ${node.y})`});
    const text = printed.get(node.plan.id);
    group.appendChild(make('title', {}, tooltip(node.plan, text)));
    group.appendChild(make('rect', {width: BOX_W, height: BOX_H, rx: 6}));
    group.appendChild(make('text', {x: 10, y: 21, class: 'node-kind'}, node.plan.node));
    group.appendChild(make('text', {x: BOX_W - 8, y: 21, class: 'node-count', 'text-anchor': 'end',
      'data-count-for': node.plan.id}));
    details(node.plan, text).filter((line) => line).forEach((line, i) => {
      group.appendChild(make('text', {x: 10, y: 40 + i * 16, class: 'node-detail'},
        line.length > DETAIL_CHARS ? line.slice(0, DETAIL_CHARS - 1) + '…' : line));
    });
    svg.appendChild(group);
  }
  return svg;
}

/** Shows on each node of a drawn plan the rows it has passed on ({@code counts} by node id); a node not counted shows none. */
export function showCounts(svg, counts) {
  svg.querySelectorAll('.node-count').forEach((text) => {
    const count = counts[text.getAttribute('data-count-for')];
    text.textContent = count === undefined ? '' : `${Number(count).toLocaleString('en-US')} out`;
  });
}
