// The console page: wires the editor, the runner, the result table, the output pane, the side panel and the banner.

import * as api from './api.js';
import {createEditor} from './editor.js';
import {createLog, describeSource} from './log.js';
import {createPrinter} from './print.js';
import {createQueryPage} from './query.js';
import {createResults} from './results.js';
import {createSidebar} from './sidebar.js';
import {errorPosition, kindOf, splitStatements, statementAt} from './sql.js';

const $ = (id) => document.getElementById(id);

const log = createLog($('log'));
const results = createResults({
  table: $('result-table'), empty: $('result-empty'), status: $('result-status'), counter: $('row-count'), stop: $('stop'),
  csv: $('download-csv'), json: $('download-json'), newestFirst: $('newest-first'),
});
const printer = createPrinter();
let running = false;
let pushQuery = null;
const editor = createEditor($('editor'), () => run());

const properties = () => ({'auto.offset.reset': $('offset-reset').value});

// Each push query started or stopped moves the generation on: the socket of a query that was
// replaced keeps calling back for a moment, and must not touch the table that is no longer its own.
let pushGeneration = 0;

/** Stops the running push query, if any; its socket closing makes the server stop the query. */
function stopPush() {
  pushGeneration++;
  if (pushQuery) {
    pushQuery.close();
    pushQuery = null;
  }
}

function showError(entry, error, statement) {
  const where = error.line ? `line ${error.line}, column ${error.column}` : '';
  let pos = null;
  if (statement && error.line) {
    pos = errorPosition(editor.posFromIndex(statement.start), error.line, error.column);
    editor.markError(pos, error.message);
  }
  entry.fail(error.message, pos ? `line ${pos.line + 1}, column ${pos.ch + 1} in the editor` : where);
}

function startPush(statement, entry) {
  stopPush();
  const generation = pushGeneration;
  const current = () => generation === pushGeneration;
  return new Promise((resolve) => {
    let started = false;
    pushQuery = api.push(statement.text, properties(), {
      onSchema(columns) {
        if (!current()) {
          return;
        }
        started = true;
        results.start(columns.map((c) => c.name), columns.map((c) => c.type), 'Push query running…', () => {
          stopPush();
          results.end('Push query stopped');
          refreshSidebar();
        });
        entry.note('Push query started; rows stream into the table.');
        resolve(true);
      },
      onRow(values, tombstone) {
        if (current()) {
          results.add(values, tombstone);
        }
      },
      onEnd({reason, error}) {
        if (!started) {
          if (current()) {
            pushQuery = null;
            showError(entry, error || new api.StatementError({message: reason || 'The query ended'}, 0), statement);
          } else {
            entry.note('Stopped before its first row.');
          }
          resolve(false);
          return;
        }
        if (!current()) {
          return;
        }
        pushQuery = null;
        if (error) {
          results.end(`Push query failed: ${error.message}`, true);
        } else {
          results.end(`Push query ended${reason ? `: ${reason}` : ''}`);
        }
        refreshSidebar();
      },
    });
  });
}

async function runPull(statement, entry) {
  const answer = await api.pull(statement.text, properties());
  stopPush();
  results.start(answer.columns, answer.types, 'Pull query');
  answer.rows.forEach((row) => results.add(row));
  results.end(`Pull query: ${answer.rows.length} row${answer.rows.length === 1 ? '' : 's'}`);
  entry.note(`${answer.rows.length} row${answer.rows.length === 1 ? '' : 's'} in the table.`);
}

async function runKsql(statement, entry) {
  const entities = await api.ksql(statement.text, properties());
  entry.ok(entities, entities.length ? '' : /^\s*INSERT\b/i.test(statement.text) ? 'Row inserted' : 'Done');
  if (!/^\s*(SHOW|LIST|DESCRIBE|EXPLAIN|PRINT)\b/i.test(statement.text)) {
    refreshSidebar();
  }
}

/** Runs the selection's statements, or the statement under the cursor, in order; stops at the first error. */
async function run() {
  if (running) {
    return;
  }
  const source = editor.source();
  let statements = splitStatements(source.text).map((s) => ({...s, start: s.start + source.base}));
  if (!source.selection) {
    const one = statementAt(statements, source.cursor);
    statements = one ? [one] : [];
  }
  if (!statements.length) {
    return;
  }
  running = true;
  $('run').disabled = true;
  editor.clearErrors();
  try {
    for (const statement of statements) {
      const entry = log.add(statement.text);
      try {
        const kind = kindOf(statement.text);
        if (kind === 'push') {
          if (!(await startPush(statement, entry))) {
            break;
          }
        } else if (kind === 'pull') {
          await runPull(statement, entry);
        } else if (kind === 'print') {
          await printer.start(statement.text, entry);
        } else {
          await runKsql(statement, entry);
        }
      } catch (error) {
        showError(entry, error, statement);
        break;
      }
    }
  } finally {
    running = false;
    $('run').disabled = false;
  }
}

const sidebar = createSidebar(
  {streams: $('list-streams'), tables: $('list-tables'), topics: $('list-topics'), queries: $('list-queries')},
  {
    async onSource(name) {
      const entry = log.add(`DESCRIBE ${name};`);
      try {
        const [entity] = await api.ksql(`DESCRIBE ${name};`);
        entry.ok([]);
        entry.append(describeSource(entity.sourceDescription));
      } catch (error) {
        showError(entry, error, null);
      }
    },
    async onTopic(name) {
      // The topic's latest records, then every new one until Stop.
      const text = `PRINT '${name.replace(/'/g, "''")}' LAST 10;`;
      const entry = log.add(text);
      try {
        await printer.start(text, entry);
      } catch (error) {
        showError(entry, error, null);
      }
    },
    onQuery(query) {
      if (query.queryType !== 'PUSH') {
        location.hash = `#query/${encodeURIComponent(query.id)}`;
        return;
      }
      // A push query has no plan to EXPLAIN nor sink to measure: show its SQL and offer to close it.
      const entry = log.add(query.queryString || query.id);
      entry.note(`Push query ${query.id}, ${query.state}.`);
      const close = document.createElement('button');
      close.className = 'danger small';
      close.textContent = 'Close query';
      close.addEventListener('click', async () => {
        try {
          await api.closeQuery(query.id);
          close.disabled = true;
          entry.note('Closed.');
          refreshSidebar();
        } catch (error) {
          showError(entry, error, null);
        }
      });
      entry.append(close);
    },
  },
  (schema) => editor.setSchema(schema),
);

let functionsLoaded = false;

/** Gives the editor the server's function names for completion, once. */
async function loadFunctions() {
  if (functionsLoaded) {
    return;
  }
  try {
    const [list] = await api.ksql('SHOW FUNCTIONS;');
    editor.setFunctions((list.functions || []).map((f) => f.name));
    functionsLoaded = true;
  } catch (error) {
    // Completion of functions is a convenience; the next refresh of the side panel tries again.
  }
}

async function refreshSidebar() {
  loadFunctions();
  try {
    await sidebar.refresh();
  } catch (error) {
    // The banner tells when the server is away; a failed refresh needs no second message.
  }
}

// The query page lives at #query/<id>, so Back returns to the editor and a page can be linked.
const queryPage = createQueryPage($('query-page'), {
  onClose: () => { location.hash = ''; },
  onTerminated: () => refreshSidebar(),
});

function route() {
  const match = /^#query\/(.+)$/.exec(location.hash);
  if (match) {
    $('workbench').hidden = true;
    queryPage.show(decodeURIComponent(match[1]));
  } else {
    queryPage.hide();
    $('workbench').hidden = false;
    editor.cm.refresh();
    editor.focus();
  }
}
window.addEventListener('hashchange', route);

$('run').addEventListener('click', () => {
  run();
  editor.focus();
});
$('refresh').addEventListener('click', refreshSidebar);
$('clear-log').addEventListener('click', log.clear);
// Leaving the page closes the push query's socket; the server then stops the query and removes its state.
// An open PRINT's request is aborted too, which the server notices at its next write.
window.addEventListener('pagehide', () => {
  stopPush();
  printer.stop();
});

api.watchConnection(2000, async (reachable, detail) => {
  const banner = $('banner');
  if (!reachable) {
    banner.hidden = false;
    banner.textContent = `Cannot reach the Sluice server at ${location.host}. Retrying every 2 seconds…`;
    $('server-info').textContent = 'disconnected';
    $('server-info').className = 'server-info down';
    return;
  }
  banner.hidden = detail !== 'unhealthy';
  banner.textContent = 'The server answers but reports itself unhealthy (see /healthcheck).';
  try {
    const info = await api.info();
    $('server-info').textContent = `v${info.version} · ${info.kafkaBootstrapServers} · service ${info.ksqlServiceId}`;
    $('server-info').className = 'server-info up';
  } catch (error) {
    $('server-info').textContent = 'connected';
  }
  refreshSidebar();
});

// The editor's text survives a reload: it is kept in the browser's local storage as it changes.
const STORAGE_KEY = 'sluice.console.sql';
const saved = window.localStorage.getItem(STORAGE_KEY);
editor.cm.setValue(saved !== null ? saved : [
  '-- Ctrl/Cmd+Enter runs the statement under the cursor; select several statements to run them in order.',
  '-- Click a stream, table, topic or query on the left to look at it.',
  '',
  'SHOW STREAMS;',
  '',
].join('\n'));
editor.cm.setCursor(editor.cm.lineCount(), 0);
let saveTimer = null;
editor.cm.on('change', () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => window.localStorage.setItem(STORAGE_KEY, editor.cm.getValue()), 300);
});
route();
// The editor, for tests and for scripting from the browser's developer tools.
window.sluiceConsole = {editor};
