# Queries: CREATE ... AS SELECT, INSERT INTO, push and pull queries, EMIT, PARTITION BY, LIMIT.
#
# The format of these files is described in README.md beside them.

=== create stream as select with partition by and emit changes
CREATE STREAM pageviews_by_user WITH (kafka_topic='pv_user', partitions=3) AS
  SELECT userid, pageid, viewtime FROM pageviews WHERE pageid != 'home'
  PARTITION BY userid EMIT CHANGES;
--> CREATE STREAM PAGEVIEWS_BY_USER WITH (KAFKA_TOPIC='pv_user', PARTITIONS=3) AS SELECT USERID, PAGEID, VIEWTIME FROM PAGEVIEWS WHERE PAGEID <> 'home' PARTITION BY USERID EMIT CHANGES

=== create table as select with aggregation and emit final
CREATE OR REPLACE TABLE IF NOT EXISTS counts AS
  SELECT userid, COUNT(*) AS views FROM pageviews GROUP BY userid HAVING COUNT(*) > 1 EMIT FINAL;
--> CREATE OR REPLACE TABLE IF NOT EXISTS COUNTS AS SELECT USERID, COUNT(*) AS VIEWS FROM PAGEVIEWS GROUP BY USERID HAVING COUNT(*) > 1 EMIT FINAL

=== create as select without emit, with several partition keys
CREATE STREAM s2 AS SELECT * FROM s1 PARTITION BY a, UPPER(b);
--> CREATE STREAM S2 AS SELECT * FROM S1 PARTITION BY A, UPPER(B)

=== create as select over a join
CREATE STREAM enriched AS SELECT p.userid, u.name FROM pageviews p LEFT JOIN users u ON p.userid = u.id EMIT CHANGES;
--> CREATE STREAM ENRICHED AS SELECT P.USERID, U.NAME FROM PAGEVIEWS AS P LEFT JOIN USERS AS U ON P.USERID = U.ID EMIT CHANGES

=== insert into select with properties, partition by and emit
INSERT INTO all_views WITH (query_id='MY_QUERY') SELECT * FROM mobile_views PARTITION BY userid EMIT CHANGES;
--> INSERT INTO ALL_VIEWS WITH (QUERY_ID='MY_QUERY') SELECT * FROM MOBILE_VIEWS PARTITION BY USERID EMIT CHANGES

=== insert into a parenthesized query
INSERT INTO s (SELECT a FROM t);
--> INSERT INTO S SELECT A FROM T

=== insert into with a common table expression
INSERT INTO s WITH q AS (SELECT a FROM t) SELECT a FROM q;
--> INSERT INTO S WITH Q AS (SELECT A FROM T) SELECT A FROM Q

=== insert values with a column list
INSERT INTO users (id, name) VALUES (1, 'alice');
--> INSERT INTO USERS (ID, NAME) VALUES (1, 'alice')

=== insert values of every kind of expression, several rows
INSERT INTO s VALUES (-1, 'it''s', 2.5e0, TRUE, NULL, CAST('7' AS INT), CONCAT('a', 'b')), (2, 'x', -0.5, FALSE, NULL, 1 + 2, UPPER('y'));
--> INSERT INTO S VALUES (-1, 'it''s', 2.5E0, TRUE, NULL, CAST('7' AS INTEGER), CONCAT('a', 'b')), (2, 'x', -0.5, FALSE, NULL, 1 + 2, UPPER('y'))

=== push query with emit changes and ksqlDB's limit after emit
SELECT * FROM pageviews EMIT CHANGES LIMIT 5;
--> SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 5

=== standard limit before emit means the same
SELECT * FROM pageviews LIMIT 5 EMIT CHANGES;
--> SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 5

=== pull query without emit keeps calcite's own limit
select userid, views from counts where userid = 'u1' limit 1
--> SELECT USERID, VIEWS FROM COUNTS WHERE USERID = 'u1' LIMIT 1

=== order by then limit after emit
SELECT a FROM s ORDER BY a EMIT CHANGES LIMIT 3;
--> SELECT A FROM S ORDER BY A LIMIT 3 EMIT CHANGES

=== query with case, like, in, between and is null
SELECT CASE WHEN a > 1 THEN 'big' ELSE 'small' END AS size FROM s
  WHERE b LIKE 'x%' AND c IN (1, 2) AND d BETWEEN 1 AND 5 AND e IS NOT NULL EMIT CHANGES;
--> SELECT CASE WHEN A > 1 THEN 'big' ELSE 'small' END AS SIZE FROM S WHERE B LIKE 'x%' AND C IN (1, 2) AND D BETWEEN ASYMMETRIC 1 AND 5 AND E IS NOT NULL EMIT CHANGES

=== standard window table function query
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start EMIT FINAL;
--> SELECT WINDOW_START, COUNT(*) FROM TABLE(TUMBLE(TABLE ORDERS, DESCRIPTOR(TS), INTERVAL '1' MINUTE)) GROUP BY WINDOW_START EMIT FINAL

=== sluice keywords still work as column names in queries
SELECT key, topics, streams, changes, final, print, list, tables, queries, if FROM s EMIT CHANGES;
--> SELECT KEY, TOPICS, STREAMS, CHANGES, FINAL, PRINT, LIST, TABLES, QUERIES, IF FROM S EMIT CHANGES

=== emit is reserved but back-quotes make it a name
SELECT `EMIT`, `emit` FROM s AS `Final`;
--> SELECT `EMIT`, `emit` FROM S AS `Final`

=== a function named like a new keyword
SELECT IF(a > 0, 'pos', 'neg') FROM s;
--> SELECT IF(A > 0, 'pos', 'neg') FROM S

=== a stream-stream join with WITHIN one duration
CREATE STREAM j AS SELECT * FROM a JOIN b WITHIN 1 HOUR ON a.k = b.k;
--> CREATE STREAM J AS SELECT * FROM A INNER JOIN B WITHIN 1 HOUR ON A.K = B.K

=== a stream-stream join with WITHIN before and after, and a grace period
SELECT * FROM a x LEFT OUTER JOIN b y WITHIN (10 SECONDS, 2 MINUTES) GRACE PERIOD 500 MILLISECONDS ON x.k = y.k EMIT CHANGES;
--> SELECT * FROM A AS X LEFT JOIN B AS Y WITHIN (10 SECONDS, 2 MINUTES) GRACE PERIOD 500 MILLISECONDS ON X.K = Y.K EMIT CHANGES

=== a three-way join with WITHIN on each join
SELECT * FROM a FULL JOIN b WITHIN 1 SECOND ON a.k = b.k RIGHT JOIN c WITHIN 0 SECONDS GRACE PERIOD 1 DAY ON a.k = c.k;
--> SELECT * FROM A FULL JOIN B WITHIN 1 SECOND ON A.K = B.K RIGHT JOIN C WITHIN 0 SECONDS GRACE PERIOD 1 DAY ON A.K = C.K

=== struct fields are read with -> and with the dot, also in function arguments
SELECT bid->price, n.bid->`dateTime`, a->b->c, UCASE(p->name), bid.price FROM nexmark n WHERE bid->price > 1 EMIT CHANGES;
--> SELECT BID->PRICE, N.BID->`dateTime`, A->B->C, UCASE(P->NAME), BID.PRICE FROM NEXMARK AS N WHERE BID->PRICE > 1 EMIT CHANGES

=== -> follows subscripts
SELECT p->l[2]->v, a[1]->b FROM s;
--> SELECT P->L[2]->V, A[1]->B FROM S
