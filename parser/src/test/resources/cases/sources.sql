# CREATE STREAM and CREATE TABLE over an existing topic: columns, keys, types, WITH.
#
# The format of these files is described in README.md beside them.

=== stream with a key column and upper-cased properties
CREATE STREAM pageviews (viewtime BIGINT, userid VARCHAR KEY, pageid STRING)
  WITH (kafka_topic='pageviews', value_format='JSON');
--> CREATE STREAM PAGEVIEWS (VIEWTIME BIGINT, USERID STRING KEY, PAGEID STRING) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON')
--> TEXT CREATE STREAM pageviews (viewtime BIGINT, userid VARCHAR KEY, pageid STRING)\n  WITH (kafka_topic='pageviews', value_format='JSON');

=== table with a primary key
CREATE TABLE users (id BIGINT PRIMARY KEY, name STRING, score DOUBLE) WITH (KAFKA_TOPIC='users', FORMAT='AVRO', PARTITIONS=4);
--> CREATE TABLE USERS (ID BIGINT PRIMARY KEY, NAME STRING, SCORE DOUBLE) WITH (KAFKA_TOPIC='users', FORMAT='AVRO', PARTITIONS=4)

=== or replace and if not exists
CREATE OR REPLACE TABLE IF NOT EXISTS t (k INT PRIMARY KEY) WITH (kafka_topic='t');
--> CREATE OR REPLACE TABLE IF NOT EXISTS T (K INTEGER PRIMARY KEY) WITH (KAFKA_TOPIC='t')

=== columns may be left to the schema registry
CREATE STREAM orders WITH (kafka_topic='orders', value_format='AVRO');
--> CREATE STREAM ORDERS WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO')

=== a bare declaration without WITH
create stream s (a int)
--> CREATE STREAM S (A INTEGER)
--> TEXT create stream s (a int);

=== every scalar type and its canonical spelling
CREATE STREAM types (b BOOLEAN, i INT, i2 INTEGER, l BIGINT, d DOUBLE, m DECIMAL(10, 2),
  v VARCHAR, s STRING, y BYTES, dt DATE, tm TIME, ts TIMESTAMP) WITH (kafka_topic='types');
--> CREATE STREAM TYPES (B BOOLEAN, I INTEGER, I2 INTEGER, L BIGINT, D DOUBLE, M DECIMAL(10, 2), V STRING, S STRING, Y BYTES, DT DATE, TM TIME, TS TIMESTAMP) WITH (KAFKA_TOPIC='types')

=== nested collection and struct types
CREATE STREAM nested (tags ARRAY<STRING>, attrs MAP<STRING, ARRAY<INT>>,
  address STRUCT<street STRING, `Zip` INT, geo STRUCT<lat DOUBLE, lon DOUBLE>>, nothing STRUCT<>);
--> CREATE STREAM NESTED (TAGS ARRAY<STRING>, ATTRS MAP<STRING, ARRAY<INTEGER>>, ADDRESS STRUCT<STREET STRING, `Zip` INTEGER, GEO STRUCT<LAT DOUBLE, LON DOUBLE>>, NOTHING STRUCT<>)

=== property values are strings, signed numbers and booleans
CREATE STREAM s (a INT) WITH (kafka_topic='s', partitions=6, replicas=-1, retention_ms=1.5, wrap_single_value=false, key_schema_id=+3);
--> CREATE STREAM S (A INTEGER) WITH (KAFKA_TOPIC='s', PARTITIONS=6, REPLICAS=-1, RETENTION_MS=1.5, WRAP_SINGLE_VALUE=FALSE, KEY_SCHEMA_ID=3)

=== the TIMESTAMP property is allowed although TIMESTAMP is a reserved word
CREATE STREAM s (a INT, ts BIGINT) WITH (kafka_topic='s', timestamp='ts', timestamp_format='yyyy-MM-dd');
--> CREATE STREAM S (A INTEGER, TS BIGINT) WITH (KAFKA_TOPIC='s', TIMESTAMP='ts', TIMESTAMP_FORMAT='yyyy-MM-dd')

=== back-quoted property keys are upper-cased like the others
CREATE STREAM s (a INT) WITH (`Kafka_Topic`='MixedCase', `value delimiter`='|');
--> CREATE STREAM S (A INTEGER) WITH (KAFKA_TOPIC='MixedCase', `VALUE DELIMITER`='|')

=== quoted names keep their case, unquoted names are upper-cased
CREATE STREAM `MyStream` (`camelCase` INT, plain INT, `PLAIN2` INT) WITH (kafka_topic='x');
--> CREATE STREAM `MyStream` (`camelCase` INTEGER, PLAIN INTEGER, PLAIN2 INTEGER) WITH (KAFKA_TOPIC='x')

=== keywords added by Sluice still work as column names
CREATE STREAM s (key STRING KEY, topics INT, streams INT, changes INT, final INT, print INT, `emit` INT, string STRING);
--> CREATE STREAM S (KEY STRING KEY, TOPICS INTEGER, STREAMS INTEGER, CHANGES INTEGER, FINAL INTEGER, PRINT INTEGER, `emit` INTEGER, STRING STRING)

=== a source named like a keyword
CREATE STREAM IF NOT EXISTS if (a INT);
--> CREATE STREAM IF NOT EXISTS IF (A INTEGER)

=== string property values keep quotes and case
CREATE TABLE t (id INT PRIMARY KEY) WITH (kafka_topic='It''s Mine', value_format='json');
--> CREATE TABLE T (ID INTEGER PRIMARY KEY) WITH (KAFKA_TOPIC='It''s Mine', VALUE_FORMAT='json')

=== a global table
CREATE TABLE risk (card STRING PRIMARY KEY, score INT) WITH (KAFKA_TOPIC='risk', VALUE_FORMAT='JSON', GLOBAL=TRUE);
--> CREATE TABLE RISK (CARD STRING PRIMARY KEY, SCORE INTEGER) WITH (KAFKA_TOPIC='risk', VALUE_FORMAT='JSON', GLOBAL=TRUE)

=== create a view of a filtered projection
CREATE VIEW bid AS SELECT price * 2 AS price2, `dateTime` FROM nexmark WHERE event_type = 2;
--> CREATE VIEW BID AS SELECT PRICE * 2 AS PRICE2, `dateTime` FROM NEXMARK WHERE EVENT_TYPE = 2

=== create or replace a view if not exists
create or replace view if not exists v as select a from s union all select a from t;
--> CREATE OR REPLACE VIEW IF NOT EXISTS V AS SELECT A FROM S UNION ALL SELECT A FROM T
