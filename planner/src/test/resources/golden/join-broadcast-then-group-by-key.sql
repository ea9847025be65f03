-- A join that broadcasts its one-row-per-window side leaves the joined rows in the other side's
-- partitions: keyed by the join key (PRICE) but not partitioned by it, so counting per PRICE
-- repartitions them instead of counting in place.
CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT, PRICE BIGINT) WITH (KAFKA_TOPIC='nexmark', VALUE_FORMAT='JSON');
CREATE VIEW BID AS SELECT K AS AUCTION, PRICE FROM NEXMARK WHERE EVENT_TYPE = 2;
CREATE TABLE TOP_PRICE_BIDS AS SELECT B.PRICE, COUNT(*) AS BIDS
FROM BID B
JOIN (
  SELECT MAX(PRICE) AS MAXPRICE
  FROM TABLE(TUMBLE(TABLE BID, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY WINDOW_START, WINDOW_END
) B1
ON B.PRICE = B1.MAXPRICE
GROUP BY B.PRICE;
