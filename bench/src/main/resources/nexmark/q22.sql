-- q22, get URL directories: every bid with the first three directories of its URL.
CREATE STREAM nexmark_q22 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, price, channel,
  SPLIT_INDEX(url, '/', 3) AS dir1,
  SPLIT_INDEX(url, '/', 4) AS dir2,
  SPLIT_INDEX(url, '/', 5) AS dir3
FROM bid;
