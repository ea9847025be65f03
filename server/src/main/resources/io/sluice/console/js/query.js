// The query page: a persistent query's SQL, its topology graph, live metrics, last error, Terminate and Explain.

import {ksql} from './api.js';
import {drawPlan, showCounts} from './graph.js';
import {el, miniTable} from './log.js';

const REFRESH_MS = 3000;

/** A byte count for people: 512 B, 12.3 KB, 4.5 MB. */
function bytes(count) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Shows the query's last processing-log entries (GET /processing-log), newest first. */
async function showLog(queryId, box) {
  try {
    const response = await fetch(`/processing-log?queryId=${encodeURIComponent(queryId)}&limit=10`);
    const {entries} = await response.json();
    box.innerHTML = '';
    if (!entries.length) {
      return;
    }
    const table = miniTable(['Time', 'Step', 'Type', 'Reason', 'Record'], entries.slice().reverse().map((e) => [
      new Date(e.timestamp).toISOString().replace('T', ' ').replace('Z', ''), e.value.nodeId, e.value.type,
      e.value.reason, e.value.topic === null || e.value.topic === undefined ? ''
        : `${e.value.topic} [${e.value.partition}] @${e.value.offset}`]));
    box.appendChild(table);
  } catch (error) {
    // The banner reports an unreachable server; the entries come back with the next error.
  }
}

/** The query's statistics from DESCRIBE EXTENDED of its first sink, or null if it has none. */
async function statistics(queryId, sink) {
  if (!sink) {
    return null;
  }
  const [entity] = await ksql(`DESCRIBE EXTENDED ${sink};`);
  const stats = (entity.sourceDescription.queryStatistics || []).find((q) => q.queryId === queryId);
  return stats || null;
}

/**
 * Builds the page into {@code container}; {@code onClose} returns to the editor, {@code onTerminated}
 * refreshes the catalog. Returns {show(queryId), hide()}.
 */
export function createQueryPage(container, {onClose, onTerminated}) {
  let timer = null;
  let shown = null;

  const hide = () => {
    clearInterval(timer);
    timer = null;
    shown = null;
    container.hidden = true;
    container.innerHTML = '';
  };

  const metric = (label, id) => {
    const card = el('div', 'metric');
    card.appendChild(el('div', 'metric-value', '–')).id = id;
    card.appendChild(el('div', 'metric-label', label));
    return card;
  };

  const show = async (queryId) => {
    hide();
    shown = queryId;
    container.hidden = false;
    const head = el('div', 'query-head');
    const back = el('button', 'small', '← Editor');
    back.addEventListener('click', onClose);
    head.appendChild(back);
    head.appendChild(el('h1', null, queryId));
    const state = el('span', 'state', '…');
    head.appendChild(state);
    head.appendChild(el('span', 'spacer'));
    const explainButton = el('button', 'small', 'Explain');
    const terminateButton = el('button', 'danger small', 'Terminate');
    head.appendChild(explainButton);
    head.appendChild(terminateButton);
    container.appendChild(head);
    const message = el('div', 'query-message');
    container.appendChild(message);

    let description;
    try {
      [{queryDescription: description}] = await ksql(`EXPLAIN ${queryId};`);
    } catch (error) {
      message.textContent = error.message;
      message.className = 'query-message error-msg';
      return;
    }
    if (shown !== queryId) {
      return;
    }
    state.textContent = description.state || '';
    state.className = `state ${String(description.state || '').toLowerCase()}`;

    const sql = el('pre', 'query-sql cm-s-default');
    if (window.CodeMirror && CodeMirror.runMode) {
      CodeMirror.runMode(description.statementText || '', 'text/x-sluice', sql);
    } else {
      sql.textContent = description.statementText || '';
    }
    container.appendChild(el('h2', null, 'SQL'));
    container.appendChild(sql);

    container.appendChild(el('h2', null, 'Topology'));
    const graph = el('div', 'graph-wrap');
    let plan = null;
    if (description.physicalPlan && description.physicalPlan.root) {
      plan = drawPlan(description.physicalPlan.root, description.topology || '', description.executionPlan || '');
      graph.appendChild(plan);
    } else {
      graph.textContent = 'This query has no physical plan to draw.';
    }
    container.appendChild(graph);

    container.appendChild(el('h2', null, 'Metrics'));
    const metrics = el('div', 'metrics');
    [['records in', 'm-in'], ['records in/s', 'm-in-rate'], ['records out', 'm-out'], ['records out/s', 'm-out-rate'],
      ['consumer lag', 'm-lag'], ['state store size', 'm-store'], ['errors', 'm-errors'],
      ['late records dropped', 'm-late']]
      .forEach(([label, id]) => metrics.appendChild(metric(label, id)));
    container.appendChild(metrics);
    const note = el('div', 'status-msg', `Refreshed every ${REFRESH_MS / 1000} s from DESCRIBE EXTENDED. `
      + 'Lag: records not yet read from the query\'s input and repartition topics. Store size: its RocksDB '
      + 'stores\' files and memtables.');
    container.appendChild(note);
    container.appendChild(el('h2', null, 'Processing log'));
    const lastError = el('div', 'last-error', 'No errors.');
    container.appendChild(lastError);
    const logBox = el('div', 'processing-log');
    container.appendChild(logBox);
    const explained = el('div');
    container.appendChild(explained);

    const sink = (description.sinks || [])[0];
    let previous = null;
    let loggedErrors = 0;
    const set = (id, value) => {
      const node = container.querySelector(`#${id}`);
      if (node) {
        node.textContent = value;
      }
    };
    const refresh = async () => {
      try {
        const stats = await statistics(queryId, sink);
        if (!stats || shown !== queryId) {
          return;
        }
        const now = performance.now();
        set('m-in', stats.recordsIn);
        set('m-out', stats.recordsOut);
        set('m-errors', stats.errors);
        set('m-late', stats.lateRecordsDropped);
        if (plan) {
          showCounts(plan, stats.rowsOutByNode || {});
        }
        set('m-lag', stats.consumerLag === null || stats.consumerLag === undefined ? '–' : stats.consumerLag);
        set('m-store', stats.stateStoreBytes === null || stats.stateStoreBytes === undefined ? 'no store'
          : bytes(stats.stateStoreBytes));
        if (previous) {
          const seconds = (now - previous.at) / 1000;
          set('m-in-rate', ((stats.recordsIn - previous.recordsIn) / seconds).toFixed(1));
          set('m-out-rate', ((stats.recordsOut - previous.recordsOut) / seconds).toFixed(1));
        }
        previous = {at: now, recordsIn: stats.recordsIn, recordsOut: stats.recordsOut};
        state.textContent = stats.state;
        state.className = `state ${String(stats.state).toLowerCase()}`;
        lastError.textContent = stats.lastError ? `Last error, ${stats.lastErrorTime || ''}: ${stats.lastError}` : 'No errors.';
        lastError.className = 'last-error' + (stats.lastError ? ' error-msg' : '');
        if (stats.errors !== loggedErrors) {
          loggedErrors = stats.errors;
          showLog(queryId, logBox);
        }
      } catch (error) {
        // The banner reports an unreachable server; a terminated query stops the refresh below.
      }
    };
    refresh();
    timer = setInterval(refresh, REFRESH_MS);

    explainButton.addEventListener('click', () => {
      explained.innerHTML = '';
      explained.appendChild(el('h2', null, 'Explain'));
      explained.appendChild(el('pre', 'code', description.executionPlan || ''));
      explained.appendChild(el('pre', 'code', description.topology || ''));
      explained.scrollIntoView({block: 'start'});
    });
    terminateButton.addEventListener('click', async () => {
      if (!window.confirm(`Terminate ${queryId}? Its sink keeps the records already written.`)) {
        return;
      }
      try {
        const [entity] = await ksql(`TERMINATE ${queryId};`);
        clearInterval(timer);
        state.textContent = 'TERMINATED';
        state.className = 'state terminated';
        terminateButton.disabled = true;
        message.textContent = entity.commandStatus ? entity.commandStatus.message : 'Terminated';
        message.className = 'query-message';
        onTerminated();
      } catch (error) {
        message.textContent = error.message;
        message.className = 'query-message error-msg';
      }
    });
  };

  return {show, hide, shown: () => shown};
}
