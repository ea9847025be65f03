-- Nexmark's q7 shape: a per-window aggregation (no key besides the window) joined back to the bids
-- it aggregates, without a window; the WHERE bounds the bid's time by the window's end from both
-- sides. The join becomes one window max join: a bid is a candidate of the windows ending from its
-- dateTime to 10 s after it, and the WHERE stays above.
CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT, PRICE BIGINT, `dateTime` TIMESTAMP) WITH (KAFKA_TOPIC='nexmark', VALUE_FORMAT='JSON');
CREATE VIEW BID AS SELECT K AS AUCTION, PRICE, `dateTime` FROM NEXMARK WHERE EVENT_TYPE = 2;
CREATE STREAM Q7 AS SELECT B.AUCTION, B.PRICE, B.`dateTime`
FROM BID B
JOIN (
  SELECT MAX(PRICE) AS MAXPRICE, WINDOW_END AS `dateTime`
  FROM TABLE(TUMBLE(TABLE BID, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY WINDOW_START, WINDOW_END
) B1
ON B.PRICE = B1.MAXPRICE
WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`;
