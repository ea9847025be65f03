// The console's calls to the server's REST and WebSocket endpoints (docs/rest.md), nothing else.

/** A statement the server refused: its message and, when it gave them, 1-based line and column. */
export class StatementError extends Error {
  constructor(body, status) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.line = this.body.line;
    this.column = this.body.column;
    this.entities = this.body.entities || [];
  }
}

/** The server could not be reached at all. */
export class Unreachable extends Error {}

async function postJson(path, body, signal, accept = 'application/json') {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': accept},
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new Unreachable(`Cannot reach the server: ${e.message}`);
  }
  return response;
}

async function failure(response) {
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch (e) {
    body = {message: text || response.statusText};
  }
  return new StatementError(body, response.status);
}

/** Runs statements through POST /ksql; resolves to the entity array. */
export async function ksql(text, properties = {}) {
  const response = await postJson('/ksql', {ksql: text, streamsProperties: properties});
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/**
 * Runs a pull query through POST /query-stream (delimited: a header line, then an array per row);
 * resolves to {queryId, columns, types, rows}.
 */
export async function pull(sql, properties = {}) {
  const response = await postJson('/query-stream', {sql, properties}, undefined, 'application/vnd.ksqlapi.delimited.v1');
  if (!response.ok) {
    throw await failure(response);
  }
  const lines = (await response.text()).split('\n').filter((line) => line.trim());
  if (!lines.length) {
    throw new StatementError({message: 'The server sent no header'}, 500);
  }
  const header = JSON.parse(lines[0]);
  const rows = [];
  for (const line of lines.slice(1)) {
    const item = JSON.parse(line);
    if (Array.isArray(item)) {
      rows.push(item);
    } else if (item && item.message) {
      throw new StatementError(item, 500);
    }
  }
  return {queryId: header.queryId, columns: header.columnNames, types: header.columnTypes, rows};
}

/**
 * Starts a push query over the WebSocket endpoint. Calls onSchema(columns) once, onRow(columns,
 * tombstone) per row, onEnd({code, reason, error}) once. Returns {close()}.
 */
export function push(sql, properties, {onSchema, onRow, onEnd}) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const request = encodeURIComponent(JSON.stringify({ksql: sql, streamsProperties: properties}));
  const socket = new WebSocket(`${scheme}//${location.host}/ws/query?request=${request}`);
  let schemaSeen = false;
  let refusal = null;
  let closedByUs = false;
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    if (!schemaSeen && Array.isArray(frame)) {
      schemaSeen = true;
      onSchema(frame.map((column) => ({name: column.name, type: describeType(column.schema)})));
    } else if (frame && frame.row) {
      onRow(frame.row.columns, frame.row.tombstone === true);
    } else if (frame && frame['@type']) {
      refusal = frame;
    }
  };
  socket.onclose = (event) => {
    const error = refusal ? new StatementError(refusal, event.code)
      : event.code === 1011 ? new StatementError({message: event.reason || 'The query failed'}, 1011)
      : (!closedByUs && !schemaSeen && event.code !== 1000) ? new Unreachable('The query connection closed')
      : null;
    onEnd({code: event.code, reason: event.reason, error});
  };
  return {
    close() {
      closedByUs = true;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
        socket.close(1000, 'Stopped in the console');
      }
    },
  };
}

function describeType(schema) {
  if (!schema) {
    return '';
  }
  if (schema.memberSchema) {
    return `${schema.type}<${describeType(schema.memberSchema)}>`;
  }
  return schema.type;
}

/**
 * Starts a PRINT through POST /query; throws the server's error when it refuses the statement.
 * Once accepted, streams the output's text lines to onLine until LIMIT, the server ends it, or
 * {@code signal} aborts; the returned {@code finished} settles then.
 */
export async function print(statement, onLine, signal) {
  const response = await postJson('/query', {ksql: statement, streamsProperties: {}}, signal);
  if (!response.ok) {
    throw await failure(response);
  }
  return {finished: readLines(response.body.getReader(), onLine)};
}

async function readLines(reader, onLine) {
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        break;
      }
      pending += decoder.decode(value, {stream: true});
      const lines = pending.split('\n');
      pending = lines.pop();
      lines.filter((line) => line.trim()).forEach(onLine);
    }
  } catch (e) {
    if (e.name !== 'AbortError') {
      throw e;
    }
  }
  if (pending.trim()) {
    onLine(pending);
  }
}

/** Stops a push query by id through POST /close-query. */
export async function closeQuery(queryId) {
  const response = await postJson('/close-query', {queryId});
  if (!response.ok) {
    throw await failure(response);
  }
}

/** GET /info: the server's version and ids. */
export async function info() {
  const response = await fetch('/info', {cache: 'no-store'});
  return (await response.json()).KsqlServerInfo;
}

/**
 * Polls GET /healthcheck every {@code everyMs}; calls onChange(reachable, detail) when reachability
 * changes (and once at the start).
 */
export function watchConnection(everyMs, onChange) {
  let last = null;
  const check = async () => {
    let reachable;
    let detail = '';
    try {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), Math.max(1000, everyMs - 200));
      const response = await fetch('/healthcheck', {cache: 'no-store', signal: controller.signal});
      clearTimeout(timer);
      reachable = true;
      if (response.status === 503) {
        detail = 'unhealthy';
      }
    } catch (e) {
      reachable = false;
    }
    const state = `${reachable}/${detail}`;
    if (state !== last) {
      last = state;
      onChange(reachable, detail);
    }
  };
  check();
  return setInterval(check, everyMs);
}
