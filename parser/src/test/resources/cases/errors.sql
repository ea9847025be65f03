# Errors: exact positions (in the whole input) and short messages.
#
# The format of these files is described in README.md beside them.

=== misspelled FROM
SELECT * FROM s WHERE a = 1 ORDER BY a FORM t
--> ERROR 1:40 unexpected 'FORM'. Expected one of:

=== misspelled keyword after the select list
SELECT a, b FROM s WHERE c > 1 GROUPBY c;
--> ERROR 1:32 unexpected 'GROUPBY'

=== error in the second statement is placed in the whole input
SELECT a FROM s;

SELECT b
FROM t
WHERE c = = 1;
SELECT c FROM u;
--> ERROR 5:11 unexpected '='
--> FAILED TEXT SELECT b\nFROM t\nWHERE c = = 1;

=== unknown CREATE target
CREATE FUNCTION v AS SELECT 1 FROM s;
--> ERROR 1:8 unexpected 'FUNCTION'. Expected one of: STREAM, TABLE, OR, VIEW

=== misspelled KEY in a column
CREATE STREAM s (id INT KEYY);
--> ERROR 1:25 unexpected 'KEYY'. Expected one of: KEY, PRIMARY, ',', ')'

=== unknown type
CREATE STREAM s (id INT, name TEXT);
--> ERROR 1:31 unexpected 'TEXT'

=== decimal needs precision and scale
CREATE STREAM s (d DECIMAL(10));
--> ERROR 1:30 unexpected ')'. Expected ','.

=== a property may not be given twice, whatever its case
CREATE STREAM s (a INT)
WITH (kafka_topic='x',
      KAFKA_TOPIC='y');
--> ERROR 3:7 duplicate property 'KAFKA_TOPIC'
--> FAILED TEXT CREATE STREAM s (a INT)\nWITH (kafka_topic='x',\n      KAFKA_TOPIC='y');

=== a property needs a literal value
CREATE STREAM s (a INT) WITH (kafka_topic=);
--> ERROR 1:43 unexpected ')'. Expected one of: string

=== columns and AS SELECT do not mix
CREATE STREAM s (a INT) AS SELECT * FROM t;
--> ERROR 1:25 unexpected 'AS'

=== unterminated string literal
SELECT a FROM s WHERE b = 'abc
--> ERROR 1:27 unterminated string literal

=== unterminated quoted identifier
SELECT `abc FROM s
--> ERROR 1:8 unterminated quoted identifier

=== unterminated comment
SELECT a FROM s /* never closed
--> ERROR 1:17 unterminated comment

=== a character outside the language
SELECT a # b FROM s;
--> ERROR 1:10 unexpected character '#'

=== not a statement
FOO BAR;
--> ERROR 1:1 unexpected 'FOO'. Expected a statement

=== terminate needs a query id or ALL
TERMINATE;
--> ERROR 1:10 unexpected ';'. Expected one of: identifier, ALL

=== print needs a topic
PRINT;
--> ERROR 1:6 unexpected ';'. Expected one of: identifier, string

=== print starts from the beginning or from the last records, not both
PRINT orders FROM BEGINNING LAST 3;
--> ERROR 1:29 unexpected 'LAST'

=== show needs something to list
SHOW THINGS;
--> ERROR 1:6 unexpected 'THINGS'. Expected one of: FUNCTIONS, PROPERTIES, QUERIES, STREAMS, TABLES, TOPICS

=== emit needs changes or final
SELECT * FROM s EMIT ALL;
--> ERROR 1:22 unexpected 'ALL'. Expected one of: CHANGES, FINAL

=== limit given before and after emit
SELECT * FROM s LIMIT 2 EMIT CHANGES LIMIT 3;
--> ERROR 1:44 LIMIT is given twice

=== explain of a statement that starts no query
EXPLAIN CREATE STREAM s (a INT);
--> ERROR 1:9 EXPLAIN takes a query id, a query, CREATE ... AS SELECT or INSERT INTO ... SELECT

=== calcite statements that sluice does not run
DELETE FROM s WHERE a = 1;
--> ERROR 1:1 DELETE statements are not supported

=== calcite's describe table is not sluice's describe
DESCRIBE TABLE s;
--> ERROR 1:1 DESCRIBE TABLE statements are not supported

=== a subquery is not a value
INSERT INTO s VALUES ((SELECT 1 FROM t));
--> ERROR 1:23 Query expression encountered in illegal context

=== double quotes do not quote names
SELECT "a" FROM s;
--> ERROR 1:8 unexpected '"'. Quote names with back-ticks

=== missing expression at end of input, on the third line
SELECT a
FROM s
WHERE
--> ERROR 3:6 unexpected end of input

=== tabs count as one column
SELECT	a	FORM	s;
--> ERROR 1:15 unexpected 's'

=== WITHIN needs an ON condition
SELECT * FROM a JOIN b WITHIN 1 HOUR USING (k);
--> ERROR 1:24 A join with WITHIN needs an ON condition, not USING

=== WITHIN needs a unit
SELECT * FROM a JOIN b WITHIN 10 ON a.k = b.k;
--> ERROR 1:34 unexpected 'ON'

=== WITHIN with two durations needs parentheses
SELECT * FROM a JOIN b WITHIN 1 HOUR, 2 HOURS ON a.k = b.k;
--> ERROR 1:24 A join with WITHIN needs an ON condition

=== variables are named as not supported yet
SHOW STREAMS;
DEFINE x = 'y';
--> ERROR 2:1 Variables (DEFINE and UNDEFINE) are not supported yet
