// The result table: a pull query's rows, or a push query's rows as they stream in, with CSV/JSON download.

const MAX_ROWS = 10000;

/**
 * Renders a value as the cell text: strings as they are, everything structured as JSON. A DOUBLE
 * keeps its decimal point (JSON.parse turns 5.0 into 5), so it reads as the server wrote it.
 */
export function cellText(value, type) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number' && Number.isInteger(value) && /^DOUBLE$/i.test(type || '')) {
    return value.toFixed(1);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** CSV of the columns and rows, RFC 4180 quoting; structured values are JSON. */
export function toCsv(columns, rows, types = []) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) {
    lines.push(row.map((value, i) => quote(cellText(value, types[i]))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** JSON of the rows, an object per row keyed by column name. */
export function toJson(columns, rows) {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))), null, 2);
}

export function createResults(elements) {
  const {table, empty, status, counter, stop, csv, json, newestFirst} = elements;
  const thead = table.tHead;
  const tbody = table.tBodies[0];
  let columns = [];
  let types = [];
  let rows = [];
  let received = 0;
  let onStop = null;

  const refreshCounter = () => {
    counter.textContent = columns.length ? `${received} row${received === 1 ? '' : 's'}`
      + (received > rows.length ? ` (last ${rows.length} shown)` : '') : '';
    csv.disabled = json.disabled = !columns.length;
  };

  const rowElement = (values, tombstone) => {
    const tr = document.createElement('tr');
    if (tombstone) {
      tr.className = 'tombstone';
      tr.title = 'Tombstone: this key was deleted';
    }
    for (const [i, value] of values.entries()) {
      const td = document.createElement('td');
      td.textContent = cellText(value, types[i]);
      if (value === null || value === undefined) {
        td.className = 'null';
        td.textContent = 'null';
      } else if (typeof value === 'number') {
        td.className = 'num';
      }
      tr.appendChild(td);
    }
    return tr;
  };

  const download = (name, type, text) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], {type}));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  };

  stop.addEventListener('click', () => onStop && onStop());
  csv.addEventListener('click', () => download('sluice-results.csv', 'text/csv', toCsv(columns, rows, types)));
  json.addEventListener('click', () => download('sluice-results.json', 'application/json', toJson(columns, rows)));

  return {
    /** Starts a new result with these column names and types; {@code stopHandler} makes Stop active. */
    start(names, columnTypes, title, stopHandler) {
      columns = names;
      types = columnTypes || [];
      empty.hidden = true;
      rows = [];
      received = 0;
      onStop = stopHandler || null;
      stop.disabled = !onStop;
      status.textContent = title;
      status.className = 'result-status' + (onStop ? ' running' : '');
      thead.innerHTML = '';
      tbody.innerHTML = '';
      const tr = document.createElement('tr');
      for (const name of names) {
        const th = document.createElement('th');
        th.textContent = name;
        th.title = types[names.indexOf(name)] || '';
        tr.appendChild(th);
      }
      thead.appendChild(tr);
      refreshCounter();
    },
    add(values, tombstone = false) {
      received++;
      rows.push(values);
      const tr = rowElement(values, tombstone);
      if (newestFirst.checked) {
        tbody.insertBefore(tr, tbody.firstChild);
      } else {
        tbody.appendChild(tr);
      }
      if (rows.length > MAX_ROWS) {
        rows.shift();
        (newestFirst.checked ? tbody.lastChild : tbody.firstChild).remove();
      }
      refreshCounter();
    },
    /** Marks the result as ended (the query finished, was stopped, or failed). */
    end(text, failed = false) {
      onStop = null;
      stop.disabled = true;
      status.textContent = text;
      status.className = 'result-status' + (failed ? ' failed' : ' ended');
      refreshCounter();
    },
  };
}
