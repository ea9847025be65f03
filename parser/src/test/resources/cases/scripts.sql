# Scripts: several statements, their texts, comments and semicolons inside literals.
#
# The format of these files is described in README.md beside them.

=== statements split on semicolons, the last one may lack its own
CREATE STREAM s (a INT) WITH (kafka_topic='s');
SELECT a FROM s EMIT CHANGES
--> CREATE STREAM S (A INTEGER) WITH (KAFKA_TOPIC='s')
--> TEXT CREATE STREAM s (a INT) WITH (kafka_topic='s');
--> SELECT A FROM S EMIT CHANGES
--> TEXT SELECT a FROM s EMIT CHANGES;

=== several statements on one line
SELECT 1 FROM s;SELECT 2 FROM t;   SELECT 3 FROM u;
--> SELECT 1 FROM S
--> TEXT SELECT 1 FROM s;
--> SELECT 2 FROM T
--> TEXT SELECT 2 FROM t;
--> SELECT 3 FROM U
--> TEXT SELECT 3 FROM u;

=== semicolons inside strings and quoted names do not end a statement
SELECT 'a;b' AS x FROM s; SELECT `semi;colon` FROM t;
--> SELECT 'a;b' AS X FROM S
--> TEXT SELECT 'a;b' AS x FROM s;
--> SELECT `semi;colon` FROM T
--> TEXT SELECT `semi;colon` FROM t;

=== comments are skipped and stay out of the statement texts
-- the first statement; with a semicolon in the comment
SELECT a /* inline; comment */ FROM s; -- trailing; comment
/* a block
   comment; between statements */
SELECT b FROM t -- the end
--> SELECT A FROM S
--> TEXT SELECT a /* inline; comment */ FROM s;
--> SELECT B FROM T
--> TEXT SELECT b FROM t;

=== a statement spread over lines keeps its line breaks
INSERT INTO s
  VALUES (1,
          'x');
--> INSERT INTO S VALUES (1, 'x')
--> TEXT INSERT INTO s\n  VALUES (1,\n          'x');

=== empty statements between semicolons are skipped
SELECT 1 FROM s;; ;SELECT 2 FROM t;
--> SELECT 1 FROM S
--> SELECT 2 FROM T
--> TEXT SELECT 2 FROM t;

=== input with only comments has no statements
-- nothing to see here
/* still nothing */

=== unicode text in literals and quoted names
SELECT 'größe; 大きさ' AS `Größe` FROM s;
--> SELECT 'größe; 大きさ' AS `Größe` FROM S
--> TEXT SELECT 'größe; 大きさ' AS `Größe` FROM s;
