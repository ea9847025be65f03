// The side panel: streams, tables, topics and running queries, refreshed on demand.

import {ksql} from './api.js';

function item(label, detail, title, onOpen) {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.className = 'item';
  button.title = title;
  const name = document.createElement('span');
  name.className = 'item-name';
  name.textContent = label;
  button.appendChild(name);
  if (detail) {
    const small = document.createElement('span');
    small.className = 'item-detail';
    small.textContent = detail;
    button.appendChild(small);
  }
  button.addEventListener('click', onOpen);
  li.appendChild(button);
  return li;
}

function fill(list, items, empty) {
  list.innerHTML = '';
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = empty;
    list.appendChild(li);
  }
  items.forEach((node) => list.appendChild(node));
}

/**
 * Builds the panel over its lists; {@code open} has onSource(name), onTopic(name), onQuery(query);
 * onSchema receives {NAME: [columns]} for completion after each refresh.
 */
export function createSidebar(lists, open, onSchema) {
  const refresh = async () => {
    const entities = await ksql('SHOW STREAMS; SHOW TABLES; SHOW TOPICS; SHOW QUERIES;');
    const byType = Object.fromEntries(entities.map((e) => [e['@type'], e]));
    const streams = (byType.streams && byType.streams.streams) || [];
    const tables = (byType.tables && byType.tables.tables) || [];
    // Queries' repartition and changelog topics are Sluice's own; listing them would bury the users' topics.
    const topics = ((byType.kafka_topics && byType.kafka_topics.topics) || [])
      .filter((t) => !/-(repartition|changelog)$/.test(t.name));
    const queries = (byType.queries && byType.queries.queries) || [];
    const sourceItem = (s) => item(s.name, s.topic, `DESCRIBE ${s.name}`, () => open.onSource(s.name));
    fill(lists.streams, streams.map(sourceItem), 'No streams');
    fill(lists.tables, tables.map(sourceItem), 'No tables');
    fill(lists.topics, topics.map((t) => item(t.name, '', `PRINT '${t.name}' LAST 10`, () => open.onTopic(t.name))), 'No topics');
    fill(lists.queries, queries.map((q) => item(q.id, q.queryType === 'PUSH' ? `push · ${q.state}` : q.state, q.queryString, () => open.onQuery(q))), 'No running queries');
    const names = streams.concat(tables).map((s) => s.name);
    if (names.length && names.length <= 100) {
      try {
        const quote = (name) => (/^[A-Z_][A-Z0-9_]*$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`');
        const described = await ksql(names.map((n) => `DESCRIBE ${quote(n)};`).join(' '));
        onSchema(Object.fromEntries(described
          .filter((e) => e.sourceDescription)
          .map((e) => [e.sourceDescription.name, (e.sourceDescription.fields || []).map((f) => f.name)])));
      } catch (e) {
        // Completion of columns is a convenience; the lists above are what matters.
      }
    } else {
      onSchema(Object.fromEntries(names.map((n) => [n, []])));
    }
  };
  return {refresh};
}
