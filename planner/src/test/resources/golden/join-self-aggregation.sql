-- A window aggregation joined with the same aggregation written again: the planner shares the repeat,
-- so both join sides read one aggregation (one store), and EXPLAIN prints the second side as shared.
CREATE STREAM BID (AUCTION BIGINT KEY, PRICE INT) WITH (KAFKA_TOPIC='bid', VALUE_FORMAT='JSON', GRACE_PERIOD='0 SECONDS');
CREATE STREAM SAME AS SELECT A.auction, A.num, B.num AS again, A.ws
  FROM (SELECT auction, count(*) AS num, window_start AS ws, window_end AS we FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end) AS A
  JOIN (SELECT auction, count(*) AS num, window_start AS ws, window_end AS we FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end) AS B
  ON A.auction = B.auction AND A.ws = B.ws AND A.we = B.we;
