// Statement splitting and classification for the console: which text is one statement, and where it sits.

/**
 * Splits SQL text into statements at semicolons outside quotes and comments. Each statement keeps
 * its offsets in the text ({text, start, end}), so a server error's line and column can be placed
 * back in the editor. Empty pieces (only whitespace or comments) are dropped.
 */
export function splitStatements(text) {
  const statements = [];
  let start = 0;
  let i = 0;
  const push = (end) => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body && stripComments(body).trim() && stripComments(body).trim() !== ';') {
      statements.push({text: body, start: start + lead, end: start + lead + body.length});
    }
    start = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(text, i, c);
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === ';') {
      i++;
      push(i);
    } else {
      i++;
    }
  }
  push(text.length);
  return statements;
}

// A doubled quote inside a quoted piece stands for the quote itself and does not end it.
function skipQuoted(text, i, quote) {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

/** The text without comments, quoted parts kept, for looking at a statement's keywords. */
export function stripComments(text) {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)/g, ' ');
}

/**
 * The statement the cursor is in; a cursor in the blank space after a statement belongs to the
 * statement before it, one before the first statement to the first.
 */
export function statementAt(statements, offset) {
  let chosen = null;
  for (const statement of statements) {
    if (statement.start <= offset) {
      chosen = statement;
    }
    if (offset <= statement.end && offset >= statement.start) {
      return statement;
    }
  }
  return chosen || statements[0] || null;
}

/** What a statement is for the console: a push query, a pull query, PRINT, or anything else (/ksql). */
export function kindOf(statementText) {
  const words = stripComments(statementText).replace(/'(?:[^']|'')*'/g, "''").trim().toUpperCase();
  if (/^SELECT\b/.test(words)) {
    return /\bEMIT\s+(CHANGES|FINAL)\b/.test(words) ? 'push' : 'pull';
  }
  if (/^PRINT\b/.test(words)) {
    return 'print';
  }
  return 'ksql';
}

/**
 * The editor position (0-based line and column) of a server error at 1-based {line, column} of a
 * statement that starts at {@code startPos} (0-based) in the editor.
 */
export function errorPosition(startPos, line, column) {
  if (!line || line < 1) {
    return {line: startPos.line, ch: startPos.ch};
  }
  const col = Math.max(1, column || 1) - 1;
  return line === 1 ? {line: startPos.line, ch: startPos.ch + col} : {line: startPos.line + line - 1, ch: col};
}
