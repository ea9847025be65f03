// PRINT in the output pane: a topic's records shown as they are read, followed until stopped.

import * as api from './api.js';
import {el} from './log.js';

/** The output keeps this many of a PRINT's latest lines; a followed topic would otherwise grow the page without end. */
const KEPT_LINES = 1000;

/**
 * Runs PRINTs into log entries, one at a time: a new PRINT, or leaving the page, stops the one
 * before (each open PRINT holds one of the browser's few connections to the server).
 */
export function createPrinter() {
  let current = null;

  const stop = (why) => {
    if (current) {
      current(why);
      current = null;
    }
  };

  /** Starts the PRINT; resolves once the server accepts it, throws its error otherwise. */
  async function start(text, entry) {
    stop('Stopped: another PRINT started.');
    const controller = new AbortController();
    const pre = el('pre', 'code print');
    const status = el('div', 'status-msg print-status', 'Waiting for records…');
    const button = el('button', 'small print-stop', 'Stop');
    const lines = [];
    let count = 0;
    let ended = null;
    const end = (why) => {
      if (ended === null) {
        ended = why;
        controller.abort();
        button.disabled = true;
        status.textContent = `${why} ${count} line${count === 1 ? '' : 's'} printed.`;
      }
    };
    const handle = await api.print(text, (line) => {
      count++;
      lines.push(line);
      if (lines.length > KEPT_LINES) {
        lines.shift();
      }
      pre.textContent = lines.join('\n');
      pre.scrollTop = pre.scrollHeight;
      if (ended === null) {
        status.textContent = `${count} line${count === 1 ? '' : 's'} printed; following the topic…`;
      }
    }, controller.signal);
    entry.note('PRINT started.');
    entry.append(pre);
    entry.append(status);
    entry.append(button);
    button.addEventListener('click', () => {
      if (current === end) {
        current = null;
      }
      end('Stopped.');
    });
    current = end;
    handle.finished
      .then(() => end('Ended.'))
      .catch((error) => end(`Failed: ${error.message}.`));
  }

  return {start, stop: () => stop('Stopped: the page was left.')};
}
