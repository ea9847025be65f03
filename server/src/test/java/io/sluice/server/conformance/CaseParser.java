package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the lines of one case (format in {@code conformance/README.md}) into a {@link SqlCase}. */
final class CaseParser {

  static final String RUN_PLACEHOLDER = "${RUN}";
  static final String BROKER_TAG = "@broker";
  private static final String SECTION_START = "--- ";
  private static final Pattern ERROR_POSITION = Pattern.compile("at (\\d+):(\\d+)");

  private final CaseText text;
  private final List<String> sqlLines = new ArrayList<>();
  private final List<InputRecord> inputs = new ArrayList<>();
  private final Map<String, ExpectedOutput> outputs = new LinkedHashMap<>();
  private final Map<String, String> schemas = new LinkedHashMap<>();
  private final Map<String, String> formats = new LinkedHashMap<>();
  private final List<ExpectedLogEntry> log = new ArrayList<>();
  private final List<QueryBuilder> queries = new ArrayList<>();
  private QueryBuilder query;
  private boolean broker;
  private String disabledReason;
  private boolean sawSql;
  private ExpectedError error;
  private String section;
  private String argument;
  private boolean unordered;
  private List<ExpectedRecord> outputRecords;
  private int lineNumber;

  private CaseParser(CaseText text) {
    this.text = text;
  }

  static SqlCase parse(CaseText text, String run) {
    return new CaseParser(text).parse(run);
  }

  static boolean isBlankOrComment(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private SqlCase parse(String run) {
    List<String> lines = text.lines().stream().map(l -> l.replace(RUN_PLACEHOLDER, run)).toList();
    String name = lines.get(0).substring(CaseFiles.CASE_START.length()).strip();
    lineNumber = text.line();
    if (name.isEmpty()) {
      throw fault("a case needs a name after '==='");
    }
    for (int i = 1; i < lines.size(); i++) {
      lineNumber = text.line() + i;
      String line = lines.get(i);
      try {
        if (line.startsWith(SECTION_START)) {
          closeSection();
          openSection(line.substring(SECTION_START.length()).strip());
        } else if ("sql".equals(section)) {
          sqlLines.add(line);
        } else if (("pull".equals(section) || "push".equals(section)) && !isBlankOrComment(line)) {
          query.sql.append(query.sql.isEmpty() ? "" : "\n").append(line);
        } else if (!isBlankOrComment(line)) {
          content(line.strip());
        }
      } catch (IllegalArgumentException e) {
        throw fault(e.getMessage());
      }
    }
    closeSection();
    lineNumber = text.line();
    check();
    return new SqlCase(text.file(), text.line(), name, disabledReason, String.join("\n", sqlLines).stripTrailing(),
        List.copyOf(inputs), List.copyOf(outputs.values()), Map.copyOf(schemas), Map.copyOf(formats), List.copyOf(log),
        error, queries.stream().map(QueryBuilder::build).toList());
  }

  private void openSection(String header) {
    String[] words = header.split("\\s+");
    section = words[0];
    argument = words.length > 1 ? words[1] : null;
    switch (section) {
      case "sql" -> {
        expectWords(words, 1, "--- sql");
        if (sawSql) {
          throw new IllegalArgumentException("a case has one '--- sql' section");
        }
        sawSql = true;
      }
      case "input", "schema", "formats" -> expectWords(words, 2, "--- " + section + " NAME");
      case "output" -> {
        unordered = words.length == 3 && words[2].equals("unordered");
        if (words.length < 2 || words.length > 3 || (words.length == 3 && !unordered)) {
          throw new IllegalArgumentException("expected '--- output TOPIC [unordered]'");
        }
        if (outputs.containsKey(argument)) {
          throw new IllegalArgumentException("a second output section for " + argument);
        }
        outputRecords = new ArrayList<>();
      }
      case "log" -> expectWords(words, 1, "--- log");
      case "error" -> {
        Matcher at = ERROR_POSITION.matcher(header.substring("error".length()).strip());
        if (words.length == 3 && at.matches()) {
          error = new ExpectedError(null, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
        } else if (words.length == 1) {
          error = new ExpectedError(null, null, null);
        } else {
          throw new IllegalArgumentException("expected '--- error' or '--- error at LINE:COLUMN'");
        }
      }
      case "pull", "push" -> {
        expectWords(words, 1, "--- " + section);
        query = new QueryBuilder(section.equals("pull") ? ExpectedQuery.Kind.PULL : ExpectedQuery.Kind.PUSH, lineNumber);
        queries.add(query);
      }
      case "header", "refused" -> {
        expectWords(words, 1, "--- " + section);
        requireQuery();
      }
      case "rows" -> {
        boolean unorderedRows = words.length == 2 && words[1].equals("unordered");
        if (words.length > 2 || (words.length == 2 && !unorderedRows)) {
          throw new IllegalArgumentException("expected '--- rows [unordered]'");
        }
        requireQuery();
        query.rows = new ArrayList<>();
        query.unordered = unorderedRows;
      }
      default -> throw new IllegalArgumentException("unknown section '" + section
          + "'; sections are sql, input, output, schema, formats, log, error, pull, push, header, rows and refused");
    }
  }

  private void content(String line) {
    if (section == null) {
      tag(line);
      return;
    }
    switch (section) {
      case "input" -> inputs.add(RecordLines.input(argument, line));
      case "output" -> outputRecords.add(RecordLines.output(line));
      case "log" -> log.add(RecordLines.logEntry(line));
      case "schema" -> {
        if (schemas.putIfAbsent(argument, line) != null) {
          throw new IllegalArgumentException("a schema section holds one line: NAME TYPE [KEY], ...");
        }
      }
      case "formats" -> {
        if (formats.putIfAbsent(argument, line) != null) {
          throw new IllegalArgumentException("a formats section holds one line: KEY_FORMAT='...', VALUE_FORMAT='...'");
        }
      }
      case "header" -> {
        if (query.header != null) {
          throw new IllegalArgumentException("a header section holds one line: the header's schema");
        }
        query.header = line;
      }
      case "rows" -> query.rows.add(CanonicalJson.parse(line, "a row"));
      case "refused" -> {
        if (query.refusal != null) {
          throw new IllegalArgumentException("a refused section holds one line: part of the message");
        }
        query.refusal = line;
      }
      case "error" -> {
        if (error.fragment() != null) {
          throw new IllegalArgumentException("an error section holds one line: part of the message");
        }
        error = new ExpectedError(line, error.line(), error.column());
      }
      default -> throw new IllegalStateException(section);
    }
  }

  /** Reads a tag line: {@code @broker} is looked up by {@link CaseText#hasTag}, {@code @disabled} kept with its reason. */
  private void tag(String line) {
    if (line.startsWith("@disabled ") && !line.substring("@disabled ".length()).isBlank()) {
      disabledReason = line.substring("@disabled ".length()).strip();
    } else if (line.equals(BROKER_TAG)) {
      broker = true;
    } else {
      throw new IllegalArgumentException("expected a tag (@broker, @disabled REASON) or a '--- section' line");
    }
  }

  private void closeSection() {
    if ("output".equals(section)) {
      ExpectedOutput output = new ExpectedOutput(argument, unordered, List.copyOf(outputRecords));
      if (output.givesPartitions() && output.records().stream().anyMatch(r -> r.partition() == null)) {
        throw new IllegalArgumentException("output " + argument + " gives partition= on some records only");
      }
      outputs.put(argument, output);
    }
    if (("schema".equals(section) && !schemas.containsKey(argument))
        || ("formats".equals(section) && !formats.containsKey(argument))) {
      throw new IllegalArgumentException(section + " section " + argument + " has no line");
    }
    if ("error".equals(section) && error.fragment() == null) {
      throw new IllegalArgumentException("error section has no message line");
    }
    if (("header".equals(section) && query.header == null) || ("refused".equals(section) && query.refusal == null)) {
      throw new IllegalArgumentException(section + " section has no line");
    }
  }

  private void requireQuery() {
    if (query == null) {
      throw new IllegalArgumentException("a " + section + " section follows a pull or push section");
    }
  }

  /** The parts of an expected query as its sections are read. */
  private static final class QueryBuilder {
    private final ExpectedQuery.Kind kind;
    private final int line;
    private final StringBuilder sql = new StringBuilder();
    private String header;
    private List<JsonNode> rows;
    private boolean unordered;
    private String refusal;

    QueryBuilder(ExpectedQuery.Kind kind, int line) {
      this.kind = kind;
      this.line = line;
    }

    ExpectedQuery build() {
      return new ExpectedQuery(kind, line, sql.toString(), header, rows == null ? null : List.copyOf(rows), unordered, refusal);
    }
  }

  private void check() {
    if (!sawSql) {
      throw fault("the case has no '--- sql' section");
    }
    if (error != null
        && (!inputs.isEmpty() || !outputs.isEmpty() || !log.isEmpty() || !schemas.isEmpty() || !formats.isEmpty())) {
      throw fault("a case that expects an error has no input, output, schema, formats or log sections");
    }
    if (error == null && outputs.isEmpty() && schemas.isEmpty() && formats.isEmpty() && queries.isEmpty()) {
      throw fault("the case expects nothing: give output, schema, pull, push or error sections");
    }
    if (!queries.isEmpty() && (error != null || !broker)) {
      throw fault("pull and push queries run on the broker only: tag the case @broker, and give no error section");
    }
    for (QueryBuilder q : queries) {
      lineNumber = q.line;
      if (q.sql.isEmpty() || (q.rows == null) == (q.refusal == null)) {
        throw fault("a pull or push section holds one query, followed by either a rows or a refused section");
      }
    }
  }

  private static void expectWords(String[] words, int count, String form) {
    if (words.length != count) {
      throw new IllegalArgumentException("expected '" + form + "'");
    }
  }

  private CaseFormatException fault(String message) {
    return new CaseFormatException(text.file(), lineNumber, message);
  }
}
