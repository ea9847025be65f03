// The output pane: one entry per statement run, showing the server's answer or its error.

import {cellText} from './results.js';

/** A new element with an optional class and text. */
export const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
};

/** A small table of {@code headers} and rows of cell values. */
export function miniTable(headers, rows) {
  const table = el('table', 'mini');
  const head = table.createTHead().insertRow();
  headers.forEach((h) => head.appendChild(el('th', null, h)));
  const body = table.createTBody();
  rows.forEach((row) => {
    const tr = body.insertRow();
    row.forEach((value) => tr.appendChild(el('td', null, cellText(value))));
  });
  return table;
}

function typeText(schema) {
  if (!schema) {
    return '';
  }
  if (schema.memberSchema) {
    return `${schema.type}<${typeText(schema.memberSchema)}>`;
  }
  if (Array.isArray(schema.fields)) {
    return `STRUCT<${schema.fields.map((f) => `${f.name} ${typeText(f.schema)}`).join(', ')}>`;
  }
  return schema.type;
}

/** A source's DESCRIBE: kind, topic, formats, columns, and the queries that read or write it. */
export function describeSource(d) {
  const box = el('div', 'describe');
  box.appendChild(el('div', 'describe-title', `${d.type} ${d.name}`));
  const facts = el('dl', 'facts');
  [['Topic', d.topic], ['Key format', d.keyFormat], ['Value format', d.valueFormat],
    ['Timestamp', d.timestamp || '(record time)'], ['Windowed', d.windowType || 'no']]
    .forEach(([k, v]) => {
      facts.appendChild(el('dt', null, k));
      facts.appendChild(el('dd', null, v === undefined || v === null || v === '' ? '—' : String(v)));
    });
  box.appendChild(facts);
  box.appendChild(miniTable(['Column', 'Type', ''], (d.fields || []).map((f) => [f.name, typeText(f.schema), f.type || ''])));
  const queries = (title, list) => {
    if (list && list.length) {
      box.appendChild(el('div', 'sub', title));
      const table = miniTable(['Query', 'State'], list.map((q) => [q.id, q.state]));
      // Each query opens its query page.
      [...table.tBodies[0].rows].forEach((row, i) => {
        const link = el('a', null, list[i].id);
        link.href = `#query/${encodeURIComponent(list[i].id)}`;
        row.cells[0].textContent = '';
        row.cells[0].appendChild(link);
      });
      box.appendChild(table);
    }
  };
  queries('Read by', d.readQueries);
  queries('Written by', d.writeQueries);
  return box;
}

/** Renders one entity of /ksql's answer. */
function entityNode(entity) {
  switch (entity['@type']) {
    case 'currentStatus':
      return el('div', 'status-msg', entity.commandStatus
        ? `${entity.commandStatus.status}: ${entity.commandStatus.message || ''}` : 'Done');
    case 'streams':
    case 'tables': {
      const list = entity.streams || entity.tables || [];
      return miniTable(['Name', 'Topic', 'Key format', 'Value format', 'Windowed'],
        list.map((s) => [s.name, s.topic, s.keyFormat, s.valueFormat, s.isWindowed]));
    }
    case 'queries':
      return miniTable(['Query', 'State', 'Sinks', 'SQL'],
        (entity.queries || []).map((q) => [q.id, q.state, (q.sinks || []).join(', '), q.queryString]));
    case 'kafka_topics':
      return miniTable(['Topic', 'Replicas per partition'],
        (entity.topics || []).map((t) => [t.name, (t.replicaInfo || []).join(', ')]));
    case 'properties':
      return miniTable(['Property', 'Scope', 'Value'], (entity.properties || []).map((p) => [p.name, p.scope, p.value]));
    case 'function_names':
      return miniTable(['Function', 'Type', 'Category'], (entity.functions || []).map((f) => [f.name, f.type, f.category]));
    case 'sourceDescription':
      return describeSource(entity.sourceDescription);
    case 'queryDescription': {
      const box = el('div');
      const q = entity.queryDescription || {};
      box.appendChild(el('div', 'sub', `Query ${q.id || ''}`));
      box.appendChild(el('pre', 'code', q.topology || JSON.stringify(q, null, 2)));
      return box;
    }
    default:
      return el('pre', 'code', JSON.stringify(entity, null, 2));
  }
}

export function createLog(container) {
  const add = (statementText) => {
    const entry = el('div', 'entry pending');
    const head = el('div', 'entry-head');
    head.appendChild(el('span', 'entry-state', '…'));
    head.appendChild(el('code', 'entry-sql', statementText.length > 300 ? statementText.slice(0, 300) + '…' : statementText));
    entry.appendChild(head);
    container.appendChild(entry);
    entry.scrollIntoView({block: 'nearest'});
    const settle = (state, mark) => {
      entry.className = `entry ${state}`;
      head.firstChild.textContent = mark;
    };
    return {
      ok(entities, note) {
        settle('ok', '✓');
        if (note) {
          entry.appendChild(el('div', 'status-msg', note));
        }
        (entities || []).forEach((entity) => entry.appendChild(entityNode(entity)));
        entry.scrollIntoView({block: 'nearest'});
      },
      fail(message, where) {
        settle('error', '✗');
        entry.appendChild(el('div', 'error-msg', message + (where ? ` (${where})` : '')));
        entry.scrollIntoView({block: 'nearest'});
      },
      append(node) {
        entry.appendChild(node);
        entry.scrollIntoView({block: 'nearest'});
      },
      note(text) {
        settle('ok', '✓');
        entry.appendChild(el('div', 'status-msg', text));
      },
    };
  };
  return {add, clear: () => { container.innerHTML = ''; }};
}
