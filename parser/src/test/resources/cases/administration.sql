# Administration: DROP, TERMINATE, SHOW/LIST, DESCRIBE, EXPLAIN and PRINT.
#
# Format of these case files. A case starts with a line "=== name". The SQL to parse
# follows, up to the first line that starts with "-->". Each "-->" line is an expectation,
# checked in order:
#   --> <canonical SQL>     the next statement parses and prints exactly as this, and this
#                           text parses back to an equal AST
#   --> TEXT <text>         the statement just checked has this original text ("\n" stands
#                           for a line break)
#   --> ERROR <line>:<column> <fragment>
#                           parsing fails at this position of the whole input, with a
#                           message that contains the fragment
#   --> FAILED TEXT <text>  the statement that failed has this text
# A case that parses must yield exactly as many statements as it has canonical SQL lines.
# Lines starting with "#" are comments; blank lines after the expectations are ignored.

=== drop stream
DROP STREAM pageviews;
--> DROP STREAM PAGEVIEWS

=== drop table if exists and delete its topic
drop table if exists users delete topic;
--> DROP TABLE IF EXISTS USERS DELETE TOPIC

=== drop a source named IF
DROP STREAM if;
--> DROP STREAM IF

=== terminate one query by id
TERMINATE CSAS_PAGEVIEWS_BY_USER_3; TERMINATE insertquery_5;
--> TERMINATE CSAS_PAGEVIEWS_BY_USER_3
--> TERMINATE INSERTQUERY_5

=== terminate all
TERMINATE ALL;
--> TERMINATE ALL

=== show and list every kind, with and without extended
SHOW STREAMS; LIST TABLES EXTENDED; show queries; list topics; SHOW PROPERTIES; SHOW FUNCTIONS; LIST STREAMS EXTENDED;
--> SHOW STREAMS
--> SHOW TABLES EXTENDED
--> SHOW QUERIES
--> SHOW TOPICS
--> SHOW PROPERTIES
--> SHOW FUNCTIONS
--> SHOW STREAMS EXTENDED

=== describe wins over calcite's describe
DESCRIBE pageviews; DESCRIBE EXTENDED `Users`;
--> DESCRIBE PAGEVIEWS
--> DESCRIBE EXTENDED `Users`

=== describe a source named EXTENDED
DESCRIBE extended; DESCRIBE EXTENDED extended;
--> DESCRIBE EXTENDED
--> DESCRIBE EXTENDED EXTENDED

=== explain a running query by id
EXPLAIN CSAS_S2_3;
--> EXPLAIN CSAS_S2_3

=== explain a push query
EXPLAIN SELECT * FROM s EMIT CHANGES;
--> EXPLAIN SELECT * FROM S EMIT CHANGES

=== explain create as select and insert into select
EXPLAIN CREATE STREAM s2 AS SELECT a FROM s1 EMIT CHANGES;
EXPLAIN INSERT INTO s2 SELECT a FROM s3;
--> EXPLAIN CREATE STREAM S2 AS SELECT A FROM S1 EMIT CHANGES
--> EXPLAIN INSERT INTO S2 SELECT A FROM S3

=== print a quoted topic with every option
PRINT 'Page-Views' FROM BEGINNING INTERVAL 2 LIMIT 10;
--> PRINT 'Page-Views' FROM BEGINNING INTERVAL 2 LIMIT 10

=== print keeps a bare topic name as typed
PRINT pageViews; print `Back-Quoted` limit 3;
--> PRINT 'pageViews'
--> TEXT PRINT pageViews;
--> PRINT 'Back-Quoted' LIMIT 3
