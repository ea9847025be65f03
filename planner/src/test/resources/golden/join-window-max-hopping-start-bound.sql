-- A stream joined with its own MAX per hopping window, the WHERE bounding the window by its start
-- and end (strictly at the end): one window max join, a row a candidate of the windows ending from
-- its TS to TS plus the size; the WHERE stays above it.
CREATE STREAM BID (AUCTION BIGINT KEY, PRICE INT, TS TIMESTAMP) WITH (KAFKA_TOPIC='bid', VALUE_FORMAT='JSON');
CREATE STREAM TOPS AS SELECT B.AUCTION, B.PRICE, B1.WSTART
FROM BID B
JOIN (
  SELECT MAX(PRICE) AS MAXPRICE, WINDOW_START AS WSTART, WINDOW_END AS WEND
  FROM TABLE(HOP(TABLE BID, DESCRIPTOR(ROWTIME), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
  GROUP BY WINDOW_START, WINDOW_END
) B1
ON B.PRICE = B1.MAXPRICE
WHERE B.TS >= B1.WSTART AND B.TS < B1.WEND;
