# Administration: DROP, TERMINATE, SHOW/LIST, DESCRIBE, EXPLAIN and PRINT.
#
# The format of these files is described in README.md beside them.

=== drop stream
DROP STREAM pageviews;
--> DROP STREAM PAGEVIEWS

=== drop table if exists and delete its topic
drop table if exists users delete topic;
--> DROP TABLE IF EXISTS USERS DELETE TOPIC

=== drop a source named IF
DROP STREAM if;
--> DROP STREAM IF

=== drop a view, with and without if exists
DROP VIEW bid; drop view if exists person;
--> DROP VIEW BID
--> DROP VIEW IF EXISTS PERSON

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

=== show views
SHOW VIEWS; list views;
--> SHOW VIEWS
--> SHOW VIEWS

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

=== print starting with the topic's latest records
PRINT 'Page-Views' LAST 10 INTERVAL 2 LIMIT 50; print orders last 3;
--> PRINT 'Page-Views' LAST 10 INTERVAL 2 LIMIT 50
--> PRINT 'orders' LAST 3

=== print keeps a bare topic name as typed
PRINT pageViews; print `Back-Quoted` limit 3;
--> PRINT 'pageViews'
--> TEXT PRINT pageViews;
--> PRINT 'Back-Quoted' LIMIT 3
