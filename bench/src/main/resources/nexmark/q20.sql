-- q20, expand bid with auction: every bid on a category-10 auction with that auction's fields;
-- an unbounded inner join of bids and auctions on auction = id. Flink names the second dateTime
-- and extra itself; Sluice refuses duplicate names, so both sides' are aliased, as Sluice's join
-- naming (<ALIAS>_<COLUMN>) would call them.
CREATE STREAM nexmark_q20 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, price, channel, url, B.`dateTime` AS `B_dateTime`, B.extra AS B_extra,
  itemName, description, initialBid, reserve, A.`dateTime` AS `A_dateTime`, expires, seller, category,
  A.extra AS A_extra
FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id
WHERE A.category = 10;
