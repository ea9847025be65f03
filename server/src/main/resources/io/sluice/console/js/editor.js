// The SQL editor: CodeMirror 5 with Sluice's keywords, completion, run keys and error marks.

/* global CodeMirror */

const KEYWORDS = (
  'select from where group by having order limit as and or not in is null like between case when then else end '
  + 'create drop replace stream streams table tables view views insert into values with emit changes final '
  + 'window tumbling hopping session size advance grace period retention within join left right full outer inner on '
  + 'partition partitions describe extended show list topics queries properties functions explain terminate print '
  + 'beginning last interval if exists delete topic key primary struct array map cast distinct all union define set unset '
  + 'true false seconds minutes hours days milliseconds second minute hour day millisecond escape'
).split(' ');

const TYPES = 'boolean int integer bigint double decimal varchar string bytes date time timestamp array map struct';

/** Builds the editor on the textarea; {@code onRun} is called by Ctrl/Cmd+Enter. */
export function createEditor(textarea, onRun) {
  const set = (words) => Object.fromEntries(words.map((w) => [w, true]));
  CodeMirror.defineMIME('text/x-sluice', {
    name: 'sql',
    keywords: set(KEYWORDS),
    builtin: set(TYPES.split(' ')),
    atoms: set(['false', 'true', 'null']),
    dateSQL: set(['date', 'time', 'timestamp']),
    support: set(['binaryNumber', 'hexNumber']),
    identifierQuote: '`',
  });
  let schema = {};
  let functions = [];
  // CodeMirror's SQL completion knows keywords, tables, columns and aliases (`FROM orders o`, then
  // `o.`); the server's functions are added to it for a word not after a dot.
  const hint = (editor, options) => {
    const result = CodeMirror.hint.sql(editor, options) || {list: [], from: editor.getCursor(), to: editor.getCursor()};
    const cursor = editor.getCursor();
    const before = editor.getLine(cursor.line).slice(0, cursor.ch);
    const word = /(^|[^\w.`])(\w+)$/.exec(before);
    if (word) {
      const prefix = word[2].toUpperCase();
      const offered = new Set(result.list.map((item) => (typeof item === 'string' ? item : item.text).toUpperCase()));
      const matching = functions.filter((name) => name.startsWith(prefix) && !offered.has(name));
      if (matching.length) {
        const from = CodeMirror.Pos(cursor.line, cursor.ch - word[2].length);
        const list = result.list.map((item) => (typeof item === 'string' ? {text: item} : item));
        // Offered items replace from the start of the word, so each keeps its own range.
        return {
          list: list.map((item) => ({...item, from: item.from || result.from, to: item.to || result.to}))
            .concat(matching.map((name) => ({text: name, displayText: `${name}()`, className: 'hint-function', from, to: cursor}))),
          from, to: cursor,
        };
      }
    }
    return result;
  };
  const cm = CodeMirror.fromTextArea(textarea, {
    mode: 'text/x-sluice',
    lineNumbers: true,
    matchBrackets: true,
    indentWithTabs: false,
    tabSize: 2,
    indentUnit: 2,
    autofocus: true,
    gutters: ['error-gutter', 'CodeMirror-linenumbers'],
    hintOptions: {completeSingle: false, hint, get tables() { return schema; }},
    extraKeys: {
      'Ctrl-Enter': () => onRun(),
      'Cmd-Enter': () => onRun(),
      'Ctrl-Space': 'autocomplete',
      // Tab moves focus out of the editor when Shift is held, so the page stays keyboard-friendly.
      'Shift-Tab': false,
      'Esc': (editor) => editor.getInputField().blur(),
    },
  });
  const marks = [];
  const clearErrors = () => {
    for (const mark of marks.splice(0)) {
      mark.clear();
    }
    cm.clearGutter('error-gutter');
  };
  cm.on('change', clearErrors);
  return {
    cm,
    /** The statements' source: the selection if there is one, else the whole text. */
    source() {
      const from = cm.getCursor('from');
      const to = cm.getCursor('to');
      if (cm.somethingSelected()) {
        return {text: cm.getRange(from, to), base: cm.indexFromPos(from), selection: true};
      }
      return {text: cm.getValue(), base: 0, selection: false, cursor: cm.indexFromPos(cm.getCursor())};
    },
    posFromIndex: (index) => cm.posFromIndex(index),
    /** Marks an error at the editor position {line, ch} (0-based): underline, line colour, gutter sign. */
    markError(pos, message) {
      clearErrors();
      const lineText = cm.getLine(pos.line) || '';
      const ch = Math.min(pos.ch, lineText.length);
      const word = /^[\w`'"]+/.exec(lineText.slice(ch));
      const end = {line: pos.line, ch: word ? ch + word[0].length : Math.min(ch + 1, lineText.length)};
      const start = {line: pos.line, ch: end.ch === ch ? Math.max(0, ch - 1) : ch};
      marks.push(cm.markText(start, end, {className: 'cm-sql-error', attributes: {title: message}}));
      const handle = cm.addLineClass(pos.line, 'background', 'cm-error-line');
      marks.push({clear: () => cm.removeLineClass(handle, 'background', 'cm-error-line')});
      const sign = document.createElement('span');
      sign.className = 'error-sign';
      sign.title = message;
      sign.textContent = '●';
      cm.setGutterMarker(pos.line, 'error-gutter', sign);
      cm.scrollIntoView(pos, 60);
    },
    clearErrors,
    /** Stream and table names with their columns, for completion. */
    setSchema(tables) {
      schema = tables;
    },
    /** The server's function names, for completion. */
    setFunctions(names) {
      functions = names.map((name) => name.toUpperCase()).sort();
    },
    focus: () => cm.focus(),
  };
}
