-- Nexmark q17's shape: a view keyed by the topic's key (k AS auction) grouped by that key and a
-- day. Every group lies within one auction, and so within one partition of the topic: the
-- aggregation keeps its groups where the rows are read (inputPartitionKey), with no repartition.
CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT, PRICE BIGINT, TS TIMESTAMP)
  WITH (KAFKA_TOPIC='nexmark', VALUE_FORMAT='JSON', PARTITIONS=4);
CREATE VIEW BID AS SELECT K AS AUCTION, PRICE, TS FROM NEXMARK WHERE EVENT_TYPE = 2;
CREATE TABLE Q17 WITH (KEY_FORMAT='JSON') AS SELECT AUCTION, DATE_FORMAT(TS, 'yyyy-MM-dd') AS `DAY`,
  COUNT(*) AS BIDS, MAX(PRICE) AS TOP
  FROM BID GROUP BY AUCTION, DATE_FORMAT(TS, 'yyyy-MM-dd');
